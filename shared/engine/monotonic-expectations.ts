import { resolveWeights, type Answers } from './answers';
import { encodeValue } from './compile-condition';
import type { CompiledPack } from './compiled-pack';
import { factorCandidates } from './factor-candidates';
import { createRandom } from './prng';
import type { FactorValue, MonotonicExpectation } from './pack-schema';
import { WEIGHT_MAX } from './pack-schema';
import { createRuleState, finishScores, runFactorRules, type RuleState } from './rule-state';
import { optionScores } from './weighted-scores';

/** A counter-example to a pack's monotonic expectation. */
export interface MonotonicViolation {
  expectation: string;
  lower: FactorValue;
  higher: FactorValue;
  answers: Record<string, FactorValue | null>;
  weights: Record<string, number>;
  detail: string;
}

const EPSILON = 1e-9;

/** Whether raising the factor from `lower` to `higher` keeps the expectation for these answers and weights; a reason when it does not. */
export function checkExpectationAt(pack: CompiledPack, x: MonotonicExpectation, answers: Answers, weights: Float64Array, lower: FactorValue, higher: FactorValue): string | null {
  const f = pack.factorIndex.get(x.raising)!;
  const d = pack.decisions[pack.decisionIndex.get(x.decision)!]!;
  const fav = d.optionStart + d.decision.options.findIndex((o) => o.id === x.neverFavours);
  const over = d.optionStart + d.decision.options.findIndex((o) => o.id === x.over);
  const run = (value: FactorValue, state: RuleState) => {
    for (let i = 0; i < pack.factors.length; i++) {
      const v = answers[pack.factors[i]!.id];
      state.values[i] = v === null || v === undefined ? NaN : encodeValue(pack.factors[i]!, v);
    }
    state.values[f] = encodeValue(pack.factors[f]!, value);
    runFactorRules(pack, state);
    finishScores(pack, state);
    return optionScores(pack, state, weights);
  };
  const lo = createRuleState(pack);
  const hi = createRuleState(pack);
  const sLo = run(lower, lo);
  const sHi = run(higher, hi);
  const gapLo = sLo[fav]! - sLo[over]!;
  const gapHi = sHi[fav]! - sHi[over]!;
  // An option excluded at the higher value is not favoured, whatever its score; nor is it when the higher value
  // lifts the exclusion of the option it is compared with (that favours the other).
  if (hi.excluded[fav] === 1 && hi.excluded[over] !== 1) return null;
  if (lo.excluded[over] === 1 && hi.excluded[over] !== 1) return null;
  // With the other option excluded throughout, the two never compete: there is no preference to keep.
  if (lo.excluded[over] === 1 && hi.excluded[over] === 1) return null;
  if (gapHi > gapLo + EPSILON) return `${x.neverFavours} − ${x.over} rose from ${gapLo.toFixed(4)} to ${gapHi.toFixed(4)}`;
  if (lo.excluded[fav] === 1 && hi.excluded[fav] !== 1) return `${x.neverFavours} was excluded at the lower value but not at the higher one`;
  if (hi.excluded[over] === 1 && lo.excluded[over] !== 1) return `${x.over} became excluded at the higher value`;
  return null;
}

/** Searches seeded random answers and weights for counter-examples to the pack's monotonic expectations (one per expectation at most). */
export function checkMonotonicExpectations(pack: CompiledPack, options: { samples?: number; seed?: number } = {}): MonotonicViolation[] {
  const samples = options.samples ?? 300;
  const random = createRandom(options.seed ?? 1);
  const candidates = factorCandidates(pack);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: MonotonicViolation[] = [];
  for (const x of pack.pack.expectations?.monotonic ?? []) {
    const f = pack.factorIndex.get(x.raising)!;
    const values = candidates[f]!;
    if (values.length < 2) continue;
    for (let s = 0; s < samples; s++) {
      const answers: Record<string, FactorValue | null> = {};
      pack.factors.forEach((factor, i) => {
        answers[factor.id] = random() < 0.25 ? null : pick(candidates[i]!);
      });
      const weightMap: Record<string, number> = {};
      for (const c of pack.criteria) weightMap[c.id] = random() < 0.1 ? 0 : Math.round(random() * WEIGHT_MAX * 2) / 2;
      const i = Math.floor(random() * values.length);
      let j = Math.floor(random() * values.length);
      if (j === i) j = (j + 1) % values.length;
      const [lower, higher] = i < j ? [values[i]!, values[j]!] : [values[j]!, values[i]!];
      const detail = checkExpectationAt(pack, x, answers, resolveWeights(pack, weightMap), lower, higher);
      if (detail) {
        // Report only what was answered; the factor under test varies, so it is left out.
        const shown = Object.fromEntries(Object.entries(answers).filter(([k, v]) => v !== null && k !== x.raising));
        out.push({ expectation: x.id, lower, higher, answers: shown, weights: weightMap, detail });
        break;
      }
    }
  }
  return out;
}
