import { WEIGHT_MAX } from './pack-schema';

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
 * One seeded perturbation of `weights` into `out`: each weight moved by a uniform amount in ±spread points and
 * clamped to 0..5; all 1 when every weight lands on 0 (the engine's rule for all-zero weights).
 */
export function perturbWeights(weights: Float64Array, random: () => number, spread: number, out: Float64Array): void {
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    let x = weights[k]! + (2 * random() - 1) * spread;
    x = x < 0 ? 0 : x > WEIGHT_MAX ? WEIGHT_MAX : x;
    out[k] = x;
    total += x;
  }
  if (total === 0) out.fill(1);
}
