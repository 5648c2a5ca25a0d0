/** How a number field reads what people type. */
export interface NumberTextOptions {
  /** The field asks for a fraction (0 to 1): "55%" is read as 0.55. Elsewhere a "%" is refused. */
  fraction?: boolean;
  /** The locale whose decimal separator wins where text is ambiguous ("1,500"); the system's by default. */
  locale?: string;
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };

/** The decimal separator of a locale: "." or ",". */
export function decimalSeparator(locale?: string): '.' | ',' {
  try {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}

/** Digits with one kind of separator: thousands groups of three, or a decimal mark. */
function plainNumber(t: string, decimal: '.' | ','): number {
  const group = decimal === '.' ? ',' : '.';
  const grouped = new RegExp(`^[-+]?[1-9]\\d{0,2}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  if (grouped.test(t)) return Number(t.split(group).join('').replace(decimal, '.'));
  // The locale's own decimal mark, or none.
  if (new RegExp(`^[-+]?(\\d+(\\${decimal}\\d+)?|\\${decimal}\\d+)(e[-+]?\\d+)?$`, 'i').test(t)) return Number(t.replace(decimal, '.'));
  // The other mark as a decimal mark where it cannot be a thousands group: "0,55" in English, "0.5" in German.
  // Four digits or more after it ("30,0000") could be a mistyped group: refused rather than guessed.
  if (new RegExp(`^[-+]?(0\\${group}\\d+|\\d+\\${group}\\d{1,2})$`).test(t)) return Number(t.replace(group, '.'));
  // Groups written with the locale's decimal mark's partner ("1,500,000.5" where the decimal mark is ",").
  const other = new RegExp(`^[-+]?[1-9]\\d{0,2}(\\${decimal}\\d{3}){2,}(\\${group}\\d+)?$`);
  if (other.test(t)) return Number(t.split(decimal).join('').replace(group, '.'));
  return NaN;
}

/**
 * A number as people type it. Thousands separators ("30,000,000", "30 000 000", "30'000'000", "1_500"), a
 * decimal comma ("0,55"; "1,500" is 1.5 where the system's decimal mark is a comma, 1500 elsewhere), a scale
 * ("30k", "1.5M", "2bn") and, where a fraction is asked, a percentage ("55%" is 0.55). NaN when it is not a
 * number at all: the caller says what is allowed. Never a guess at part of the text.
 */
export function parseNumberText(text: string, options: NumberTextOptions = {}): number {
  let t = text.trim().replace(/[\s\u00a0\u202f_']/g, '');
  if (t === '') return NaN;
  let factor = 1;
  if (t.endsWith('%')) {
    if (!options.fraction) return NaN;
    t = t.slice(0, -1);
    factor = 0.01;
  } else {
    const scale = /(k|mn|m|bn|b)$/i.exec(t);
    if (scale && /\d$/.test(t.slice(0, -scale[0].length))) {
      factor = SCALE[scale[0].toLowerCase()]!;
      t = t.slice(0, -scale[0].length);
    }
  }
  // An exponent with a scale or a percentage ("1e3k") is not how anyone writes a number: refused, not guessed.
  if (factor !== 1 && /e/i.test(t)) return NaN;
  const n = plainNumber(t, decimalSeparator(options.locale));
  if (!Number.isFinite(n)) return NaN;
  // Digits that are not all zero never read as 0 ("1e-400").
  if (n === 0 && /[1-9]/.test(t.replace(/e.*$/i, ''))) return NaN;
  // Scaled in whole steps where the text allows, so "1.5M" is exactly 1,500,000 and "55%" exactly 0.55.
  return factor === 0.01 ? Number((n / 100).toPrecision(15)) : factor === 1 ? n : Number((n * factor).toPrecision(15));
}
