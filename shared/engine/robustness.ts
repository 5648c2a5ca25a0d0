import type { CompiledPack } from './compiled-pack';
import { createRandom } from './prng';
import { WEIGHT_MAX } from './pack-schema';
import type { RuleState } from './rule-state';

/** How the Monte Carlo robustness figure is drawn. */
export interface RobustnessOptions {
  /** Number of random weightings (default 2000). */
  samples?: number;
  /** Each weight moves by a uniform amount in ±spread points, clamped to 0..5 (default 1). */
  spread?: number;
  /** Seed of the generator (default 1): the same seed gives the same figure. */
  seed?: number;
}

export const DEFAULT_ROBUSTNESS_SAMPLES = 2000;
export const DEFAULT_ROBUSTNESS_SPREAD = 1;
export const DEFAULT_ROBUSTNESS_SEED = 1;

/**
 * Share of seeded random weight perturbations that keep each decision's top option, per decision
 * (NaN where `tops` is -1). One perturbed weighting is applied to every decision, as it would be in the room.
 */
export function monteCarloRobustness(pack: CompiledPack, state: RuleState, weights: Float64Array, tops: Int32Array, options: RobustnessOptions = {}): Float64Array {
  const samples = Math.max(1, Math.floor(options.samples ?? DEFAULT_ROBUSTNESS_SAMPLES));
  const spread = options.spread ?? DEFAULT_ROBUSTNESS_SPREAD;
  const random = createRandom(options.seed ?? DEFAULT_ROBUSTNESS_SEED);
  const nC = weights.length;
  const nD = pack.decisions.length;
  const scores = state.scores;
  const excluded = state.excluded;
  const w = new Float64Array(nC);
  const kept = new Float64Array(nD);
  const decisions = pack.decisions;
  for (let s = 0; s < samples; s++) {
    let total = 0;
    for (let k = 0; k < nC; k++) {
      let x = weights[k]! + (2 * random() - 1) * spread;
      x = x < 0 ? 0 : x > WEIGHT_MAX ? WEIGHT_MAX : x;
      w[k] = x;
      total += x;
    }
    // With every weight at 0 the score is the plain average of the criteria.
    if (total === 0) w.fill(1);
    for (let di = 0; di < nD; di++) {
      const t = tops[di]!;
      if (t < 0) continue;
      const d = decisions[di]!;
      let best = -1;
      let bestSum = -Infinity;
      for (let o = 0; o < d.optionCount; o++) {
        const g = d.optionStart + o;
        if (excluded[g] === 1) continue;
        const base = g * nC;
        let sum = 0;
        for (let k = 0; k < nC; k++) sum += w[k]! * scores[base + k]!;
        if (sum > bestSum) {
          bestSum = sum;
          best = o;
        }
      }
      if (best === t) kept[di]! += 1;
    }
  }
  const out = new Float64Array(nD);
  for (let di = 0; di < nD; di++) out[di] = tops[di]! < 0 ? NaN : kept[di]! / samples;
  return out;
}
