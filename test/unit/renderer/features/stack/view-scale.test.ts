// The canvas lays the stack out for its pane so that, fitted to the pane, labels are readable on a desk and a projector.
import { describe, expect, it } from 'vitest';
import { VIEW_GEOMETRY, VIEW_TYPE, layoutStack } from '../../../../../shared/diagram';
import { MIN_LABEL_PX, ZOOM_EXTENT, fitZoom, viewLayoutWidth } from '../../../../../renderer/features/stack/view-scale';
import { scenarioInput } from '../../../shared/diagram/scenarios';

/** A label's size on screen at Fit: its size in the drawing times the zoom that fits the drawing to the pane. */
const onScreen = (fontSize: number, pane: number, layoutWidth: number) => fontSize * fitZoom(pane, layoutWidth);

describe('viewLayoutWidth and fitZoom', () => {
  it('give labels at least 12 px at a desk and 18 px on a projector, for any pane from the narrowest drawing up', () => {
    for (const [min, panes] of [
      [MIN_LABEL_PX.normal, [440, 503, 640, 790, 1000, 1500, 2400]],
      [MIN_LABEL_PX.presenter, [660, 1182, 1342, 1822, 2500]],
    ] as const) {
      for (const pane of panes) {
        const width = viewLayoutWidth(pane, min);
        for (const name of ['hybrid-multi-hub-both', 'on-premises', 'crowded'] as const) {
          const layout = layoutStack(scenarioInput(name), { width });
          // Fitted, the drawing is exactly the pane's width, and its smallest label is the minimum or more.
          expect(layout.width * fitZoom(pane, layout.width)).toBeCloseTo(pane, 6);
          expect(onScreen(VIEW_TYPE.label, pane, layout.width), `${name} in a ${pane} px pane`).toBeGreaterThanOrEqual(min);
        }
      }
    }
  });

  it('lays out wider as the pane grows, in steps of a few pixels, and never narrower than the narrowest drawing', () => {
    expect(viewLayoutWidth(503, 12)).toBe(Math.floor((496 * VIEW_TYPE.label) / 12));
    expect(viewLayoutWidth(503, 12)).toBe(viewLayoutWidth(500, 12));
    expect(viewLayoutWidth(1182, 18)).toBeLessThan(viewLayoutWidth(1182, 12));
    expect(viewLayoutWidth(0, 12)).toBe(VIEW_GEOMETRY.minWidth);
    expect(viewLayoutWidth(-5, 18)).toBe(VIEW_GEOMETRY.minWidth);
    // A pane narrower than that shows the narrowest drawing a little smaller than the minimum.
    expect(onScreen(VIEW_TYPE.label, 300, VIEW_GEOMETRY.minWidth)).toBeLessThan(MIN_LABEL_PX.normal);
  });

  it('keeps the zoom within the canvas zoom limits and survives a pane not measured yet', () => {
    expect(fitZoom(100_000, 360)).toBe(ZOOM_EXTENT[1]);
    expect(fitZoom(10, 4000)).toBe(ZOOM_EXTENT[0]);
    expect(fitZoom(0, 500)).toBe(1);
    expect(fitZoom(500, 0)).toBe(1);
  });
});
