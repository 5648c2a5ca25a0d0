import type { Answers } from './answers';
import { encodeValue } from './compile-condition';
import type { CompiledPack } from './compiled-pack';
import { factorCandidates } from './factor-candidates';
import { createRandom } from '../util/prng';
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

/** Working arrays for checkExpectationAt, allocated once per pack so a search of thousands of samples allocates nothing per sample. */
export interface ExpectationScratch {
  lo: RuleState;
  hi: RuleState;
  scoresLo: Float64Array;
  scoresHi: Float64Array;
}

export function createExpectationScratch(pack: CompiledPack): ExpectationScratch {
  return { lo: createRuleState(pack), hi: createRuleState(pack), scoresLo: new Float64Array(pack.optionCount), scoresHi: new Float64Array(pack.optionCount) };
}

/**
 * Whether raising the factor from `lower` to `higher` keeps the expectation for these answers and weights; a reason
 * when it does not.
 */
export function checkExpectationAt(
  pack: CompiledPack,
  x: MonotonicExpectation,
  answers: Answers,
  weights: Float64Array,
  lower: FactorValue,
  higher: FactorValue,
  scratch: ExpectationScratch = createExpectationScratch(pack),
): string | null {
  for (let i = 0; i < pack.factors.length; i++) {
    const v = answers[pack.factors[i]!.id];
    scratch.lo.values[i] = v === null || v === undefined ? NaN : encodeValue(pack.factors[i]!, v);
  }
  return checkEncodedAt(pack, x, weights, lower, higher, scratch);
}

/**
 * checkExpectationAt on answers already encoded into `scratch.lo.values`. Only factor rules run (no rule reads a
 * decision here), so the reused working arrays need no reset.
 */
function checkEncodedAt(pack: CompiledPack, x: MonotonicExpectation, weights: Float64Array, lower: FactorValue, higher: FactorValue, scratch: ExpectationScratch): string | null {
  const f = pack.factorIndex.get(x.raising)!;
  const d = pack.decisions[pack.decisionIndex.get(x.decision)!]!;
  const fav = d.optionStart + d.decision.options.findIndex((o) => o.id === x.neverFavours);
  const over = d.optionStart + d.decision.options.findIndex((o) => o.id === x.over);
  const { lo, hi } = scratch;
  hi.values.set(lo.values);
  const run = (value: FactorValue, state: RuleState, out: Float64Array) => {
    state.values[f] = encodeValue(pack.factors[f]!, value);
    runFactorRules(pack, state);
    finishScores(pack, state);
    return optionScores(pack, state, weights, out);
  };
  const sLo = run(lower, lo, scratch.scoresLo);
  const sHi = run(higher, hi, scratch.scoresHi);
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
  const scratch = createExpectationScratch(pack);
  const drawn: (FactorValue | null)[] = new Array<FactorValue | null>(pack.factors.length).fill(null);
  const weights = new Float64Array(pack.criteria.length);
  for (const x of pack.pack.expectations?.monotonic ?? []) {
    const f = pack.factorIndex.get(x.raising)!;
    const values = candidates[f]!;
    if (values.length < 2) continue;
    for (let s = 0; s < samples; s++) {
      // The draws stay in this order (each factor, then each weight, then the two values): a seed names a search.
      for (let i = 0; i < pack.factors.length; i++) drawn[i] = random() < 0.25 ? null : pick(candidates[i]!);
      for (let k = 0; k < pack.criteria.length; k++) weights[k] = random() < 0.1 ? 0 : Math.round(random() * WEIGHT_MAX * 2) / 2;
      const i = Math.floor(random() * values.length);
      let j = Math.floor(random() * values.length);
      if (j === i) j = (j + 1) % values.length;
      const [lower, higher] = i < j ? [values[i]!, values[j]!] : [values[j]!, values[i]!];
      for (let k = 0; k < pack.factors.length; k++) {
        const v = drawn[k];
        scratch.lo.values[k] = v === null || v === undefined ? NaN : encodeValue(pack.factors[k]!, v);
      }
      const detail = checkEncodedAt(pack, x, weights, lower, higher, scratch);
      if (detail) {
        // Report only what was answered; the factor under test varies, so it is left out.
        const shown: Record<string, FactorValue> = {};
        pack.factors.forEach((factor, k) => {
          const v = drawn[k];
          if (v !== null && v !== undefined && k !== f) shown[factor.id] = v;
        });
        const weightMap = Object.fromEntries(pack.criteria.map((c, k) => [c.id, weights[k]!]));
        out.push({ expectation: x.id, lower, higher, answers: shown, weights: weightMap, detail });
        break;
      }
    }
  }
  return out;
}
