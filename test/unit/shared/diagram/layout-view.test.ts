import { describe, expect, it } from 'vitest';
import { businessUnitLanes } from '../../../../shared/diagram/stack-plan';
import { onScreen } from '../../../../shared/diagram/text-block';
import { VIEW_GEOMETRY, VIEW_TYPE, layoutStack, stackToSvg, type StackLayout } from './layout-imports';
import { expectWellFormed, textBlocks } from './layout-invariants';
import { SCENARIO_NAMES, scenarioInput, scenarioLayout } from './scenarios';

// Screens the canvas lays the drawing out for: a pane at 1024×768 (12 px labels), a projector at 1280×720 (18 px),
// a desk at 1440×900, a wide monitor, and narrower than the narrowest drawing.
const WIDTHS = [200, 360, 416, 657, 700, 1100, 1600];

const ids = (l: StackLayout) => ({
  components: l.components.map((c) => c.id).sort(),
  placements: l.placements.map((p) => p.id),
  flows: l.flows.map((f) => [f.id, f.from.placement, f.to.placement, f.from.component, f.to.component]),
  paths: l.servingPaths.map((p) => p.steps.map((s) => s.component)),
  hidden: l.hidden,
  warnings: l.warnings,
});
/** The component labels (a component's first text) and every other text that is a name, not small print. */
const labels = (l: StackLayout) => [
  ...l.components.map((c) => c.text[0]!),
  ...l.placements.map((p) => p.text[0]!),
  ...l.layers.flatMap((r) => r.text),
  ...l.servingPaths.flatMap((p) => [p.text[0]!, ...p.steps.flatMap((s) => s.text)]),
  ...(l.governance?.lanes.map((lane) => lane.text[0]!) ?? []),
];

describe('layoutStack for a screen (a width)', () => {
  for (const name of SCENARIO_NAMES) {
    it(`${name}: well formed at every width, no wider than asked, drawing the same components, flows and paths as the page`, () => {
      const page = scenarioLayout(name);
      for (const width of WIDTHS) {
        const l = layoutStack(scenarioInput(name), { width });
        expectWellFormed(l);
        expect(l.width, `${name} at ${width}`).toBeLessThanOrEqual(Math.max(width, VIEW_GEOMETRY.minWidth));
        expect(ids(l), `${name} at ${width}`).toEqual(ids(page));
        // Drawn by the same serializer: component groups keep their ids, so a click still selects one.
        for (const c of l.components) expect(stackToSvg(l)).toContain(`id="component:${c.id}"`);
      }
    });
  }

  it('keeps labels at the label size and small print at the small size, where the page shrinks them to fit', () => {
    for (const name of SCENARIO_NAMES) {
      for (const width of WIDTHS) {
        const l = layoutStack(scenarioInput(name), { width });
        for (const t of labels(l)) expect(t.fontSize, `${name} at ${width}: "${t.full}"`).toBeGreaterThanOrEqual(VIEW_TYPE.label);
        for (const t of textBlocks(l)) expect(t.fontSize, `${name} at ${width}: "${t.full}"`).toBeGreaterThanOrEqual(VIEW_TYPE.small);
      }
    }
    // The page itself shrinks a crowded roadmap's names below the label size: that is what a screen must not do.
    expect(Math.min(...labels(scenarioLayout('crowded')).map((t) => t.fontSize))).toBeLessThan(VIEW_TYPE.label);
  });

  it('puts the placements side by side when each still holds a component box, else one under the other with the flows down the gaps', () => {
    const wide = layoutStack(scenarioInput('hybrid-multi-hub-both'), { width: 1100 });
    expect(new Set(wide.placements.map((p) => p.box.y)).size).toBe(1);
    expect(wide.placements.map((p) => p.box.x)).toEqual([...wide.placements.map((p) => p.box.x)].sort((a, b) => a - b));
    for (const f of wide.flows) expect(f.points[0].y).toBe(f.points[1].y);

    const narrow = layoutStack(scenarioInput('hybrid-multi-hub-both'), { width: 416 });
    expect(new Set(narrow.placements.map((p) => p.box.x)).size).toBe(1);
    for (let i = 1; i < narrow.placements.length; i++) {
      expect(narrow.placements[i]!.box.y).toBeGreaterThan(narrow.placements[i - 1]!.box.y + narrow.placements[i - 1]!.box.height);
    }
    expect(narrow.flows.length).toBeGreaterThan(0);
    for (const f of narrow.flows) {
      // A vertical arrow from one placement's bottom edge to the next one's top, its number between them.
      const order = narrow.placements.map((p) => p.id);
      const [upper, lower] = [f.from.placement, f.to.placement].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((id) => narrow.placements.find((p) => p.id === id)!.box);
      expect(f.points[0].x).toBe(f.points[1].x);
      expect([f.points[0].y, f.points[1].y].sort((a, b) => a - b)).toEqual([upper!.y + upper!.height, lower!.y]);
      expect(f.marker.y).toBeGreaterThan(upper!.y + upper!.height);
      expect(f.marker.y).toBeLessThan(lower!.y);
      // Arrows point the way the data goes.
      const down = order.indexOf(f.to.placement) > order.indexOf(f.from.placement);
      expect(f.points[1].y > f.points[0].y).toBe(down);
    }
    // The residency boundary goes around the resident placements only: the cloud columns below stay outside it.
    const boundary = narrow.residency!.box;
    for (const p of narrow.placements) expect(p.box.y < boundary.y + boundary.height, p.id).toBe(narrow.residency!.placements.includes(p.id));
  });

  it('folds the business-unit lanes that do not fit side by side into one that stands for the rest', () => {
    const page = scenarioLayout('hybrid-multi-hub-both');
    expect(page.governance!.lanes.map((l) => l.label)).toEqual(['Business unit 1', 'Business unit 2', 'Business unit 3', 'Business unit 4', 'Business unit 5', '+4 more business units']);
    const narrow = layoutStack(scenarioInput('hybrid-multi-hub-both'), { width: 416 });
    expect(narrow.governance!.lanes.map((l) => l.label)).toEqual(['Business unit 1', '+8 more business units']);
    for (const width of WIDTHS) {
      const l = layoutStack(scenarioInput('hybrid-multi-hub-both'), { width });
      for (const lane of l.governance!.lanes) expect(lane.box.width).toBeGreaterThanOrEqual(VIEW_GEOMETRY.minLaneWidth - 0.01);
      expect(l.governance!.businessUnits).toBe(9);
    }
  });

  it('says what was decided in its title block and leaves the workshop name to the screen around it', () => {
    const l = layoutStack(scenarioInput('federated'), { width: 700 });
    expect(l.title.text.map((t) => t.full)).toEqual([scenarioLayout('federated').title.text[2]!.full]);
    expect(l.title.workshop).toBe(scenarioLayout('federated').title.workshop);
  });

  it('without a width (or with one that is not a number) is the page the exports draw', () => {
    const input = scenarioInput('hybrid-multi-hub-both');
    expect(layoutStack(input, {})).toEqual(layoutStack(input));
    expect(layoutStack(input, { width: Number.NaN })).toEqual(layoutStack(input));
  });
});

describe('businessUnitLanes', () => {
  it('draws a lane per unit up to the most that fit, then one for the rest, or one for them all', () => {
    const labelsOf = (units: number, max?: number) => businessUnitLanes(units, true, max).map((l) => l.label);
    expect(labelsOf(3)).toEqual(['Business unit 1', 'Business unit 2', 'Business unit 3']);
    expect(labelsOf(9)).toEqual(['Business unit 1', 'Business unit 2', 'Business unit 3', 'Business unit 4', 'Business unit 5', '+4 more business units']);
    expect(labelsOf(9, 3)).toEqual(['Business unit 1', 'Business unit 2', '+7 more business units']);
    expect(labelsOf(3, 3)).toEqual(['Business unit 1', 'Business unit 2', 'Business unit 3']);
    expect(labelsOf(9, 1)).toEqual(['9 business units']);
    expect(labelsOf(1, 1)).toEqual(['Business unit 1']);
    expect(businessUnitLanes(4, false, 2).map((l) => l.detail)).toEqual(['own platform and models', 'same federated pattern']);
  });
});

describe('onScreen', () => {
  it('keeps a label at the label size at least and small print at the small size at least', () => {
    expect(onScreen({ text: 'Model serving', fontSize: 11, minFontSize: 9, maxLines: 3, colour: '#000' })).toMatchObject({ fontSize: 11, minFontSize: VIEW_TYPE.label });
    expect(onScreen({ text: 'Platform', fontSize: 13, minFontSize: 12, maxLines: 1, colour: '#000' })).toMatchObject({ fontSize: 13, minFontSize: 12 });
    expect(onScreen({ text: 'managed service', fontSize: 9, minFontSize: 8, maxLines: 2, colour: '#000' })).toMatchObject({ fontSize: 9, minFontSize: VIEW_TYPE.small });
    expect(onScreen({ text: 'tiny', fontSize: 7, maxLines: 1, colour: '#000' })).toMatchObject({ fontSize: VIEW_TYPE.small, minFontSize: VIEW_TYPE.small });
  });
});
