import type { CompiledPack } from './compiled-pack';
import type { FlipPoint, FlipTarget } from './evaluation';
import { WEIGHT_MAX } from './pack-schema';
import type { RuleState } from './rule-state';

/**
 * Exact flip points of one decision, one per criterion.
 *
 * With the other weights fixed, every option's score is (A_o + x·s_o) / (B + x) where x is the criterion's
 * weight; the denominator is shared, so options compare as the lines A_o + x·s_o. The top option t changes
 * where another option's line crosses t's: x* = (A_t − A_o) / (s_o − s_t). Raising the weight, the first
 * crossing by a steeper line wins; lowering it, the last crossing by a flatter line above 0.
 */
export function computeFlipPoints(pack: CompiledPack, state: RuleState, decision: number, weights: Float64Array, top: number): FlipPoint[] {
  const d = pack.decisions[decision]!;
  const nC = weights.length;
  const scores = state.scores;
  const excluded = state.excluded;
  const out: FlipPoint[] = [];
  const intercepts = new Float64Array(d.optionCount);
  for (let k = 0; k < nC; k++) {
    const criterion = pack.criteria[k]!.id;
    const x0 = weights[k]!;
    if (top < 0) {
      out.push({ criterion, weight: x0, raise: null, lower: null });
      continue;
    }
    for (let o = 0; o < d.optionCount; o++) {
      const base = (d.optionStart + o) * nC;
      let a = 0;
      for (let c = 0; c < nC; c++) if (c !== k) a += weights[c]! * scores[base + c]!;
      intercepts[o] = a;
    }
    let others = 0;
    for (let c = 0; c < nC; c++) if (c !== k) others += weights[c]!;
    if (others <= 0) {
      out.push(onlyCriterion(pack, state, decision, k, x0, top));
      continue;
    }
    const tBase = (d.optionStart + top) * nC;
    const sT = scores[tBase + k]!;
    const aT = intercepts[top]!;
    let upAt = Infinity;
    let upTo = -1;
    let upSlope = -Infinity;
    let downAt = -Infinity;
    let downTo = -1;
    let downSlope = Infinity;
    for (let o = 0; o < d.optionCount; o++) {
      if (o === top || excluded[d.optionStart + o] === 1) continue;
      const ds = scores[(d.optionStart + o) * nC + k]! - sT;
      if (Math.abs(ds) < 1e-12) continue;
      let x = (aT - intercepts[o]!) / ds;
      if (ds > 0) {
        // Rounding can put a crossing a hair below the current weight; it cannot really be behind us.
        if (x < x0) x = x0;
        // Options crossing at the same point (up to rounding): the steeper line is on top just past it; then pack order.
        const same = Math.abs(x - upAt) <= 1e-12 * Math.max(1, x);
        if ((x < upAt && !same) || (same && ds > upSlope)) {
          upAt = x;
          upTo = o;
          upSlope = ds;
        }
      } else {
        if (x > x0) x = x0;
        if (x <= 0) continue;
        const same = Math.abs(x - downAt) <= 1e-12 * Math.max(1, x);
        if ((x > downAt && !same) || (same && ds < downSlope)) {
          downAt = x;
          downTo = o;
          downSlope = ds;
        }
      }
    }
    const option = (o: number): string => d.decision.options[o]!.id;
    const raise: FlipTarget | null = upTo < 0 ? null : { atWeight: upAt, to: option(upTo), withinScale: upAt <= WEIGHT_MAX };
    const lower: FlipTarget | null = downTo < 0 ? null : { atWeight: downAt, to: option(downTo), withinScale: true };
    out.push({ criterion, weight: x0, raise, lower });
  }
  return out;
}

/**
 * Flip points when every other weight is 0: for any positive weight the ranking follows this criterion
 * alone, and at 0 every criterion counts the same (the engine's rule for all-zero weights).
 */
function onlyCriterion(pack: CompiledPack, state: RuleState, decision: number, k: number, x0: number, top: number): FlipPoint {
  const d = pack.decisions[decision]!;
  const nC = pack.criteria.length;
  const criterion = pack.criteria[k]!.id;
  const best = (score: (g: number) => number): number => {
    let bestOption = -1;
    let bestValue = -Infinity;
    for (let o = 0; o < d.optionCount; o++) {
      const g = d.optionStart + o;
      if (state.excluded[g] === 1) continue;
      const v = score(g);
      if (v > bestValue) {
        bestValue = v;
        bestOption = o;
      }
    }
    return bestOption;
  };
  const byCriterion = best((g) => state.scores[g * nC + k]!);
  const byAll = best((g) => {
    let sum = 0;
    for (let c = 0; c < nC; c++) sum += state.scores[g * nC + c]!;
    return sum;
  });
  const option = (o: number): string => d.decision.options[o]!.id;
  if (x0 <= 0) {
    return { criterion, weight: x0, raise: byCriterion !== top ? { atWeight: 0, to: option(byCriterion), withinScale: true } : null, lower: null };
  }
  return { criterion, weight: x0, raise: null, lower: byAll !== top ? { atWeight: 0, to: option(byAll), withinScale: true } : null };
}
