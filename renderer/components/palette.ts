/** Distinct, colour-blind-friendly series colours (Okabe–Ito), in option order. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;

/** The colour of the i-th option of a decision. */
export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#0072B2';
}
