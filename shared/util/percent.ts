/** A share from 0 to 1 as a person reads it, to the whole percent: 0.87 → "87%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
