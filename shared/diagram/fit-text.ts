import { measureText, type FontWeight } from './text-measure';

/** How a piece of text must fit: a width, a number of lines and the font sizes allowed. */
export interface FitSpec {
  width: number;
  maxLines: number;
  fontSize: number;
  /** Smallest size to shrink to before breaking words and truncating (default: fontSize). */
  minFontSize?: number;
  weight?: FontWeight;
}

/** Text broken into lines that fit a width, at the size that made it fit. */
export interface FittedText {
  lines: string[];
  fontSize: number;
  lineHeight: number;
  weight: FontWeight;
  /** True when the text was cut and ends in an ellipsis. */
  truncated: boolean;
}

const LINE_HEIGHT = 1.2;
const SHRINK_STEP = 0.5;
const ELLIPSIS = '…';

/**
 * Greedy word wrap. A word wider than the line is not broken (null) with `none`; with `hyphens` it breaks after its
 * hyphens first and a part still too wide between characters; with `characters` between characters only.
 */
function wrap(text: string, width: number, size: number, weight: FontWeight, breakWords: 'none' | 'hyphens' | 'characters'): string[] | null {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measureText(candidate, size, weight) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (measureText(word, size, weight) <= width) {
      line = word;
      continue;
    }
    if (breakWords === 'none') return null;
    let piece = '';
    // "Anti-money-laundering" breaks as "Anti-money-" and "laundering" before any part is broken by characters.
    for (const part of breakWords === 'hyphens' ? word.split(/(?<=-)(?=[^-])/) : [word]) {
      if (piece && measureText(piece + part, size, weight) > width) {
        lines.push(piece);
        piece = '';
      }
      if (measureText(piece + part, size, weight) <= width) {
        piece += part;
        continue;
      }
      for (const ch of part) {
        if (piece && measureText(piece + ch, size, weight) > width) {
          lines.push(piece);
          piece = '';
        }
        piece += ch;
      }
    }
    line = piece;
  }
  if (line) lines.push(line);
  return lines;
}

/** Cuts a line until it and an ellipsis fit the width. */
function withEllipsis(line: string, width: number, size: number, weight: FontWeight): string {
  const chars = Array.from(line.trimEnd());
  while (chars.length > 0 && measureText(chars.join('').trimEnd() + ELLIPSIS, size, weight) > width) chars.pop();
  return chars.join('').trimEnd() + ELLIPSIS;
}

/** Fits text to a box: wraps at word boundaries, shrinks towards minFontSize, then breaks words and truncates with an ellipsis. */
export function fitText(text: string, spec: FitSpec): FittedText {
  const weight = spec.weight ?? 'normal';
  const min = Math.min(spec.minFontSize ?? spec.fontSize, spec.fontSize);
  const maxLines = Math.max(1, Math.floor(spec.maxLines));
  const clean = text.replace(/\s+/g, ' ').trim();
  const result = (lines: string[], size: number, truncated: boolean): FittedText => ({
    lines,
    fontSize: size,
    lineHeight: Math.round(size * LINE_HEIGHT * 100) / 100,
    weight,
    truncated,
  });
  if (clean === '') return result([], spec.fontSize, false);
  for (let size = spec.fontSize; size >= min - 1e-9; size -= SHRINK_STEP) {
    const lines = wrap(clean, spec.width, size, weight, 'none');
    if (lines && lines.length <= maxLines) return result(lines, size, false);
  }
  // Break long words after their hyphens when that fits the lines allowed; else between characters, which packs
  // tighter; when neither fits, cut the text broken at its hyphens, which reads better.
  const atHyphens = wrap(clean, spec.width, min, weight, 'hyphens') ?? [];
  if (atHyphens.length <= maxLines) return result(atHyphens, min, false);
  const atCharacters = wrap(clean, spec.width, min, weight, 'characters') ?? [];
  if (atCharacters.length <= maxLines) return result(atCharacters, min, false);
  const kept = atHyphens.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, spec.width, min, weight);
  return result(kept, min, true);
}
