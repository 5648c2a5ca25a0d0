import { CURRENCIES, type CurrencyCode } from './currency';

/** A number with thousands separators and at most `maxDecimals` decimals, independent of the locale: 12,345.6. */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = '0', fraction] = String(rounded).split('.');
  // String() switches to exponent notation above 1e21; money and volumes here stay far below that.
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return fraction ? `${sign}${grouped}.${fraction}` : `${sign}${grouped}`;
}

/** An amount for a sentence, followed by its currency: whole units from 100 up, cents below ("12,345 EUR", "4.5 USD"). */
export function formatMoney(value: number, currency: CurrencyCode): string {
  return `${formatAmount(value, currency)} ${currency}`;
}

/** An amount without its currency, for a table cell or an axis: "12,345", "4.5" below 100, "1.2M" / "350k" when `short`. */
export function formatAmount(value: number, currency: CurrencyCode, short = false): string {
  return (short && compactNumber(value)) || formatNumber(value, Math.abs(value) >= 100 ? 0 : CURRENCIES[currency].decimals);
}

/** A number from 10,000 up for an axis: "350k", "1.2M", "2.5B"; null below, which reads best in full. */
export function compactNumber(value: number): string | null {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${formatNumber(value / 1e9, 1)}B`;
  if (abs >= 1e6) return `${formatNumber(value / 1e6, 1)}M`;
  if (abs >= 1e4) return `${formatNumber(value / 1e3, 0)}k`;
  return null;
}

/** A 0..1 fraction as a whole percentage ("46%"). */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100, 0)}%`;
}
