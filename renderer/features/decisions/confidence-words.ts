import type { DecisionEvaluation, FlipPoint } from '../../../shared/engine';

/** "Public cloud or Hybrid" (or "… and …"): the options of a tie, in the engine's order. */
export function tieWords(d: DecisionEvaluation, label: (option: string) => string, conjunction: 'or' | 'and' = 'or'): string {
  const tied = d.confidence?.tied ?? [];
  if (tied.length <= 2) return tied.map(label).join(` ${conjunction} `);
  return `${tied.slice(0, -1).map(label).join(', ')} ${conjunction} ${label(tied[tied.length - 1]!)}`;
}

/** A weight that would separate the options of a tie: where moving it puts one of them clearly on top, nearest first. */
export interface Separator {
  criterion: string;
  direction: 'raise' | 'lower';
  atWeight: number;
  to: string;
}

/** The weight changes within the 0..5 scale that put another option of the tie on top, nearest to today's weight first. */
export function separators(d: DecisionEvaluation, flips: readonly FlipPoint[] = d.flipPoints): Separator[] {
  const tied = new Set(d.confidence?.tied ?? []);
  const out: Array<Separator & { distance: number }> = [];
  for (const f of flips) {
    for (const [direction, t] of [['raise', f.raise], ['lower', f.lower]] as const) {
      if (!t || !t.withinScale || !tied.has(t.to)) continue;
      out.push({ criterion: f.criterion, direction, atWeight: t.atWeight, to: t.to, distance: Math.abs(t.atWeight - f.weight) });
    }
  }
  return out.sort((a, b) => a.distance - b.distance).map(({ distance: _, ...s }) => s);
}
