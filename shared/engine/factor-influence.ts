import { resolveWeights, type Answers, type WeightsInput } from './answers';
import { encodeValue } from './compile-condition';
import type { CompiledPack } from './compiled-pack';
import { COST_INPUT_NAMES } from '../cost';
import { applyCostAdjustment, costAdjustment } from './cost-criterion';
import { scoreAnswers, type ScoringOptions } from './evaluate';
import { factorCandidates } from './factor-candidates';
import type { FactorValue } from './pack-schema';
import { createRuleState, finishScores, roomChoiceIndexes, runDecisionRules, runFactorRules, setRoomChoices, topOption, type RuleState } from './rule-state';
import { optionScores } from './weighted-scores';

/** How much settling one factor could move the result: for "what to settle first". */
export interface FactorInfluence {
  factor: string;
  prompt: string;
  answered: boolean;
  /** Decisions whose recommendation some answer to this factor would change, with the options it could become. */
  couldChange: Array<{ decision: string; to: string[] }>;
  /** Largest change of any option's score (0..1) over the factor's possible answers. */
  maxScoreShift: number;
}

/** Each decision's top option in a state whose decision rules have run (-2 where the decision does not apply). */
function readRecommendations(pack: CompiledPack, state: RuleState, weights: Float64Array, out: Int32Array): void {
  for (let d = 0; d < pack.decisions.length; d++) out[d] = state.notApplicable[d] === 1 ? -2 : topOption(pack, state, d, weights);
}

/**
 * Ranks factors by how much their answer could change the recommendations (then the scores); unanswered ones
 * first on ties. With `costAssumptions` the cost model scores cost too, re-priced for each trial answer to a
 * factor it reads; with `decided`, the room's choices settle what depends on a decision (see
 * EvaluateOptions.decided).
 */
export function factorInfluence(
  pack: CompiledPack,
  answers: Answers,
  weights?: WeightsInput,
  options: ScoringOptions = {},
): FactorInfluence[] {
  const w = resolveWeights(pack, weights);
  const nD = pack.decisions.length;
  const assumptions = options.costAssumptions ?? null;
  const baseCost = assumptions ? costAdjustment(pack, answers, assumptions) : null;
  const costFactors = new Set<string>(COST_INPUT_NAMES);
  const chosen = roomChoiceIndexes(pack, options.decided);
  // Its own state, not evaluate's scratch one: the trials below start from its values.
  const base = scoreAnswers(pack, answers, w, createRuleState(pack), baseCost, chosen);
  const baseTops = new Int32Array(nD);
  readRecommendations(pack, base, w, baseTops);
  const baseScores = optionScores(pack, base, w);

  const trial = createRuleState(pack);
  setRoomChoices(trial, chosen);
  const tops = new Int32Array(nD);
  const scores = new Float64Array(pack.optionCount);
  const candidates = factorCandidates(pack);
  const result = pack.factors.map((factor, f): FactorInfluence & { index: number } => {
    const changed = new Map<number, Set<number>>();
    let maxShift = 0;
    for (const value of candidates[f]!) {
      trial.values.set(base.values);
      trial.values[f] = encodeValue(factor, value as FactorValue);
      runFactorRules(pack, trial);
      const cost = assumptions && costFactors.has(factor.id) ? costAdjustment(pack, { ...answers, [factor.id]: value as FactorValue }, assumptions) : baseCost;
      applyCostAdjustment(trial, cost);
      finishScores(pack, trial);
      runDecisionRules(pack, trial, w);
      readRecommendations(pack, trial, w, tops);
      optionScores(pack, trial, w, scores);
      for (let g = 0; g < scores.length; g++) maxShift = Math.max(maxShift, Math.abs(scores[g]! - baseScores[g]!));
      for (let d = 0; d < nD; d++) {
        if (tops[d] !== baseTops[d] && tops[d]! >= 0) {
          const set = changed.get(d) ?? new Set<number>();
          set.add(tops[d]!);
          changed.set(d, set);
        }
      }
    }
    const couldChange = [...changed.keys()]
      .sort((a, b) => a - b)
      .map((d) => ({ decision: pack.decisions[d]!.id, to: [...changed.get(d)!].sort((a, b) => a - b).map((o) => pack.decisions[d]!.decision.options[o]!.id) }));
    return { index: f, factor: factor.id, prompt: factor.prompt, answered: base.values[f] === base.values[f], couldChange, maxScoreShift: maxShift };
  });
  result.sort(
    (a, b) =>
      b.couldChange.length - a.couldChange.length || b.maxScoreShift - a.maxScoreShift || Number(a.answered) - Number(b.answered) || a.index - b.index,
  );
  return result.map(({ index: _index, ...rest }) => rest);
}
