import { fitText, type FitSpec } from './fit-text';
import type { Rect, TextBlock } from './stack-layout';

/** Rounds to hundredths so layouts serialize the same on every platform. */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A rectangle with rounded coordinates. */
export function rect(x: number, y: number, width: number, height: number): Rect {
  return { x: round2(x), y: round2(y), width: round2(width), height: round2(height) };
}

/** One text to stack in a box: what it says, how it must fit and its colour. */
export interface TextPart extends Omit<FitSpec, 'width'> {
  text: string;
  colour: string;
}

// Cap height of the font stack as a share of the font size: centres capitals and digits in a line.
const CAP_HEIGHT = 0.72;

/** Fits several texts into one box, one under the other, centred (or from the top), each line within the box width. */
export function placeText(parts: readonly TextPart[], bounds: Rect, anchor: 'start' | 'middle' = 'middle', valign: 'middle' | 'top' = 'middle', gap = 2): TextBlock[] {
  // A lone text never gets more lines than its box is tall.
  const byHeight = (p: TextPart): number => (parts.length === 1 ? Math.max(1, Math.min(p.maxLines, Math.floor((bounds.height + 0.5) / (p.fontSize * 1.2)))) : p.maxLines);
  const fitted = parts
    .map((p) => ({ part: p, fit: fitText(p.text, { ...p, maxLines: byHeight(p), width: bounds.width }) }))
    .filter((f) => f.fit.lines.length > 0);
  const heights = fitted.map((f) => f.fit.lines.length * f.fit.lineHeight);
  const total = heights.reduce((a, b) => a + b, 0) + gap * Math.max(0, fitted.length - 1);
  let top = valign === 'middle' ? bounds.y + (bounds.height - total) / 2 : bounds.y;
  const x = anchor === 'middle' ? bounds.x + bounds.width / 2 : bounds.x;
  return fitted.map((f, i) => {
    const { fit } = f;
    const block: TextBlock = {
      lines: fit.lines,
      x: round2(x),
      y: round2(top + fit.lineHeight / 2 + (CAP_HEIGHT * fit.fontSize) / 2),
      fontSize: fit.fontSize,
      lineHeight: fit.lineHeight,
      weight: fit.weight,
      anchor,
      colour: f.part.colour,
      full: f.part.text.replace(/\s+/g, ' ').trim(),
      truncated: fit.truncated,
      bounds,
    };
    top += heights[i]! + gap;
    return block;
  });
}

/** Height the parts need when stacked at a given width (for sizing boxes before placing them). */
export function textHeight(parts: readonly TextPart[], width: number, gap = 2): number {
  const fitted = parts.map((p) => fitText(p.text, { ...p, width })).filter((f) => f.lines.length > 0);
  return fitted.reduce((a, f) => a + f.lines.length * f.lineHeight, 0) + gap * Math.max(0, fitted.length - 1);
}

/**
 * Type sizes on a screen (a layout with a `width`): a part designed at the label size or larger never shrinks below
 * it (it wraps, then is cut with its whole text kept); smaller print never goes below the small size.
 */
export const VIEW_TYPE = { label: 10, small: 9 } as const;

/** A text part as a screen draws it: at least the label size for labels, at least the small size for the rest. */
export function onScreen(part: TextPart): TextPart {
  const floor = part.fontSize >= VIEW_TYPE.label ? VIEW_TYPE.label : VIEW_TYPE.small;
  return { ...part, fontSize: Math.max(part.fontSize, floor), minFontSize: Math.max(part.minFontSize ?? part.fontSize, floor) };
}
