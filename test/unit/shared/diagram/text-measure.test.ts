import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitText, measureText } from '../../../../shared/diagram';

describe('measureText', () => {
  it('adds per-character advances scaled by the font size', () => {
    // DejaVu Sans: "i" is 278/1000 em, "W" 989/1000 em, space 318/1000 em
    expect(measureText('i', 10)).toBeCloseTo(2.78, 6);
    expect(measureText('W', 20)).toBeCloseTo(19.78, 6);
    expect(measureText('i W', 10)).toBeCloseTo(2.78 + 3.18 + 9.89, 6);
    expect(measureText('', 12)).toBe(0);
  });

  it('measures bold wider than regular and unknown characters as a full em', () => {
    expect(measureText('Model registry', 11, 'bold')).toBeGreaterThan(measureText('Model registry', 11));
    expect(measureText('模型', 10)).toBe(20);
    expect(measureText('é', 10)).toBeCloseTo(measureText('e', 10), 1);
  });

  it('is at least as wide as Arial (Liberation Sans) for typical labels', () => {
    // Liberation Sans "Model serving" at 1000 units: M 833 o 556 d 556 e 556 l 222 space 278 s 500 e 556 r 333 v 500 i 222 n 556 g 556 = 6224
    expect(measureText('Model serving', 1000)).toBeGreaterThanOrEqual(6224);
  });
});

describe('fitText', () => {
  it('keeps short text on one line at full size', () => {
    expect(fitText('CPU', { width: 100, maxLines: 2, fontSize: 11 })).toEqual({ lines: ['CPU'], fontSize: 11, lineHeight: 13.2, weight: 'normal', truncated: false });
  });

  it('wraps at word boundaries before shrinking', () => {
    const f = fitText('Development environments', { width: 90, maxLines: 2, fontSize: 11, minFontSize: 9, weight: 'bold' });
    expect(f.lines).toEqual(['Development', 'environments']);
    expect(f.fontSize).toBe(11);
  });

  it('shrinks when the words do not fit the lines allowed', () => {
    const f = fitText('Sensitive data processing', { width: 100, maxLines: 1, fontSize: 11, minFontSize: 8 });
    expect(f.lines).toHaveLength(1);
    expect(f.fontSize).toBeLessThan(11);
    expect(measureText(f.lines[0]!, f.fontSize)).toBeLessThanOrEqual(100);
  });

  it('breaks a word too long for the line and truncates with an ellipsis at the minimum size', () => {
    const f = fitText('Supercalifragilisticexpialidocious-inference-gateway for everything', { width: 60, maxLines: 2, fontSize: 11, minFontSize: 9 });
    expect(f.truncated).toBe(true);
    expect(f.lines).toHaveLength(2);
    expect(f.lines[1]!.endsWith('…')).toBe(true);
    expect(f.fontSize).toBe(9);
  });

  it('breaks a long hyphenated word after its hyphens before breaking it between letters', () => {
    const spec = { width: 100, fontSize: 11, minFontSize: 9, weight: 'bold' as const };
    expect(fitText('Anti-money-laundering transaction monitoring', { ...spec, maxLines: 4 })).toMatchObject({
      lines: ['Anti-money-', 'laundering', 'transaction', 'monitoring'],
      truncated: false,
    });
    // When only breaking between letters fits the lines allowed, nothing is cut.
    const tight = fitText('Anti-money-laundering transaction monitoring', { ...spec, maxLines: 3 });
    expect(tight.truncated).toBe(false);
    expect(tight.lines.join('').replace(/\s+/g, '')).toBe('Anti-money-launderingtransactionmonitoring');
    // When nothing fits, the text is cut where it was broken at its hyphens.
    expect(fitText('Anti-money-laundering transaction monitoring', { ...spec, maxLines: 2 })).toMatchObject({ lines: ['Anti-money-', 'laundering…'], truncated: true });
    // A part still too wide on its own is broken between letters.
    const g = fitText('x-Supercalifragilisticexpialidocious', { width: 60, maxLines: 4, fontSize: 11, minFontSize: 9 });
    expect(g.lines[0]).toBe('x-');
    expect(g.lines.slice(1).join('')).toBe('Supercalifragilisticexpialidocious');
    for (const line of g.lines) expect(measureText(line, g.fontSize)).toBeLessThanOrEqual(60);
  });

  it('never returns a line wider than the width or more lines than allowed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ-/&<>é模…'.split('')), maxLength: 120 }),
        fc.integer({ min: 20, max: 300 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(9, 10, 11, 13, 20),
        fc.constantFrom<'normal' | 'bold'>('normal', 'bold'),
        (text, width, maxLines, fontSize, weight) => {
          const f = fitText(text, { width, maxLines, fontSize, minFontSize: fontSize - 2, weight });
          expect(f.lines.length).toBeLessThanOrEqual(maxLines);
          for (const line of f.lines) expect(measureText(line, f.fontSize, weight)).toBeLessThanOrEqual(width + 1e-9);
          if (!f.truncated) expect(f.lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        },
      ),
      { numRuns: 400 },
    );
  });
});
