// The weights on either side of a flip point, for the tests that check the engine's flip points exactly.
import type { FlipPoint } from '../../../../shared/engine';

/** One way across a flip point: the criterion's weight just past it, where `to` takes the top, and just before it. */
export interface FlipCrossing {
  criterion: string;
  to: string;
  /** Just past the point (never below 0). */
  past: number;
  /** Just before the point, where that lies between the current weight and the point; else null. */
  before: number | null;
}

/** The ways across a flip point the weight can take, raising it and then lowering it (none below 0). */
export function flipCrossings(flip: FlipPoint): FlipCrossing[] {
  const crossings: FlipCrossing[] = [];
  for (const [target, direction] of [
    [flip.raise, 1],
    [flip.lower, -1],
  ] as const) {
    if (!target) continue;
    const step = Math.max(1e-10, Math.abs(target.atWeight) * 1e-9);
    const past = target.atWeight + direction * step;
    if (past < 0) continue;
    const before = target.atWeight - direction * step;
    const beforeReachable = before >= 0 && (direction === 1 ? before > flip.weight : before < flip.weight);
    crossings.push({ criterion: flip.criterion, to: target.to, past, before: beforeReachable ? before : null });
  }
  return crossings;
}
