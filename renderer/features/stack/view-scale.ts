import { VIEW_GEOMETRY, VIEW_TYPE } from '../../../shared/diagram';

/** The smallest a label of the drawing is on screen at Fit, in CSS pixels: at a desk, and on a projector. */
export const MIN_LABEL_PX = { normal: 12, presenter: 18 } as const;

/** The zoom the canvas allows, out and in. */
export const ZOOM_EXTENT: [number, number] = [0.25, 4];

// Pane widths are taken in steps of this many pixels: resizing a window lays the drawing out again every few pixels, not at each one.
const PANE_STEP = 8;

/**
 * The width to lay the drawing out at for a pane `paneWidth` CSS pixels wide, so that fitted to the pane its smallest
 * label (VIEW_TYPE.label diagram pixels) shows at `minLabelPx` or more. A pane too narrow even for the narrowest
 * drawing gets that one, a little smaller.
 */
export function viewLayoutWidth(paneWidth: number, minLabelPx: number): number {
  const pane = Math.floor(Math.max(0, paneWidth) / PANE_STEP) * PANE_STEP;
  return Math.max(VIEW_GEOMETRY.minWidth, Math.floor((pane * VIEW_TYPE.label) / minLabelPx));
}

/** The zoom that fits a drawing `layoutWidth` diagram pixels wide to a pane `paneWidth` CSS pixels wide. */
export function fitZoom(paneWidth: number, layoutWidth: number): number {
  if (!(paneWidth > 0) || !(layoutWidth > 0)) return 1;
  return Math.min(ZOOM_EXTENT[1], Math.max(ZOOM_EXTENT[0], paneWidth / layoutWidth));
}
