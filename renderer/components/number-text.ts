/**
 * A number as people type it: "30,000,000", "30 000 000" and "1_500" have thousands separators; "0,55" has a
 * decimal comma. NaN when it is not a number at all (the caller says what is allowed).
 */
export function parseNumberText(text: string): number {
  const t = text.trim().replace(/[\s_]/g, '');
  if (t === '') return NaN;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^[-+]?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  return Number(t);
}
