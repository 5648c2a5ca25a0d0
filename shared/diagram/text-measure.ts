import { BOLD_ASCII, BOLD_EXTRA, BOLD_LATIN1, REGULAR_ASCII, REGULAR_EXTRA, REGULAR_LATIN1 } from './font-metrics';

/**
 * The font stack every serializer writes. DejaVu Sans ships with librsvg's usual Linux hosts and Verdana
 * (its look-alike) with Windows and macOS; the width table is the wider of DejaVu Sans and Arial's metrics.
 */
export const FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

export type FontWeight = 'normal' | 'bold';

// Characters outside the table (CJK, emoji) are assumed a full em wide: too wide is safe, too narrow overflows.
const UNKNOWN_ADVANCE = 1000;

function advance(code: number, weight: FontWeight): number {
  const bold = weight === 'bold';
  if (code >= 0x20 && code <= 0x7e) return (bold ? BOLD_ASCII : REGULAR_ASCII)[code - 0x20]!;
  if (code >= 0xa0 && code <= 0xff) return (bold ? BOLD_LATIN1 : REGULAR_LATIN1)[code - 0xa0]!;
  return (bold ? BOLD_EXTRA : REGULAR_EXTRA)[code] ?? UNKNOWN_ADVANCE;
}

/** Width in pixels of one line of text at a font size, from per-character advances of the font stack. */
export function measureText(text: string, fontSize: number, weight: FontWeight = 'normal'): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0)!, weight);
  return (units * fontSize) / 1000;
}
