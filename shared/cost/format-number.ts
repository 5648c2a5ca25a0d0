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

/** A monthly amount for a sentence: whole dollars from 100 up, cents below ("12,345 USD", "4.5 USD"). */
export function formatUsd(value: number): string {
  return `${formatNumber(value, Math.abs(value) >= 100 ? 0 : 2)} USD`;
}

/** A 0..1 fraction as a whole percentage ("46%"). */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100, 0)}%`;
}
