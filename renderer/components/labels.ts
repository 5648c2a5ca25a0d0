export { humanize } from '../../shared/domain';

/** 0.87 → "87%". */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
