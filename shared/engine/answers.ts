import { FACTOR_BOOLEAN, FACTOR_ENUM, type CompiledPack } from './compiled-pack';
import type { FactorValue } from './pack-schema';

/** A workshop's answers by factor id; a missing (or null) answer is unknown. */
export type Answers = Readonly<Record<string, FactorValue | null | undefined>>;

/** Criterion weights by criterion id on the 0..5 scale; a missing weight takes the pack's default. */
export type WeightsInput = Readonly<Record<string, number | undefined>>;

/** Encodes answers for the compiled conditions: one number per factor, NaN when unanswered or invalid. */
export function encodeAnswers(pack: CompiledPack, answers: Answers, out: Float64Array = new Float64Array(pack.factors.length)): Float64Array {
  const ids = pack.factorIds;
  const kinds = pack.factorKinds;
  const enumValues = pack.enumValues;
  for (let i = 0; i < ids.length; i++) {
    const value = answers[ids[i]!];
    let code = NaN;
    if (value !== null && value !== undefined) {
      const kind = kinds[i];
      if (kind === FACTOR_ENUM) {
        // A plain loop beats indexOf (a builtin call) on a handful of values.
        if (typeof value === 'string') {
          const list = enumValues[i]!;
          for (let k = 0; k < list.length; k++) {
            if (list[k] === value) {
              code = k;
              break;
            }
          }
        }
      } else if (kind === FACTOR_BOOLEAN) {
        if (typeof value === 'boolean') code = value ? 1 : 0;
      } else if (typeof value === 'number' && value - value === 0) {
        // value - value is 0 exactly for finite numbers (NaN and ±Infinity give NaN).
        code = value;
      }
    }
    out[i] = code;
  }
  return out;
}

/** Effective weights in criteria order: the given weight, else the pack default; negatives and non-numbers fall back too. */
export function resolveWeights(pack: CompiledPack, weights: WeightsInput | undefined, fallback: Float64Array = pack.defaultWeights): Float64Array {
  const out = new Float64Array(pack.criteria.length);
  for (let k = 0; k < out.length; k++) {
    const w = weights?.[pack.criteria[k]!.id];
    out[k] = typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : fallback[k]!;
  }
  return out;
}
