import type { CompiledPack } from './compiled-pack';
import type { RuleState } from './rule-state';

/** Score 0..1 of every pack-wide option under the given weights (equal weights when they are all 0). */
export function optionScores(pack: CompiledPack, state: RuleState, weights: Float64Array, out: Float64Array = new Float64Array(pack.optionCount)): Float64Array {
  const nC = weights.length;
  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  const scores = state.scores;
  for (let g = 0; g < pack.optionCount; g++) {
    let sum = 0;
    const base = g * nC;
    if (total > 0) for (let k = 0; k < nC; k++) sum += weights[k]! * scores[base + k]!;
    else for (let k = 0; k < nC; k++) sum += scores[base + k]!;
    out[g] = sum / (total > 0 ? total : nC);
  }
  return out;
}

/** A decision's options in ranked order (indexes within the decision): non-excluded by score, then excluded; ties by pack order. */
export function rankedOptions(pack: CompiledPack, state: RuleState, decision: number, scores: Float64Array): number[] {
  const d = pack.decisions[decision]!;
  const order = Array.from({ length: d.optionCount }, (_, o) => o);
  const ex = state.excluded;
  return order.sort((a, b) => ex[d.optionStart + a]! - ex[d.optionStart + b]! || scores[d.optionStart + b]! - scores[d.optionStart + a]! || a - b);
}
