import { encodeAnswers, resolveWeights, type Answers, type WeightsInput } from './answers';
import { TRUE, UNKNOWN } from './compile-condition';
import type { CompiledPack } from './compiled-pack';
import type { CostAssumptions } from '../cost';
import { applyCostAdjustment, costAdjustment, costReasonsFor, COST_MODEL_RULE, type CostAdjustment } from './cost-criterion';
import type { CriterionScore, DecisionEvaluation, Evaluation, ExcludedOption, FlipPoint, NotApplicableReason, RankedOption, Risk, ScoreReason, UnansweredFactor } from './evaluation';
import { computeFlipPoints } from './flip-points';
import { monteCarloRobustness, type RobustnessOptions } from './robustness';
import { createRuleState, finishScores, roomChoiceIndexes, runDecisionRules, runFactorRules, setRoomChoices, type RuleState } from './rule-state';

/** What evaluate computes besides the ranking. */
export interface EvaluateOptions {
  /** Flip points and Monte Carlo robustness (default true). */
  sensitivity?: boolean;
  robustness?: RobustnessOptions;
  /**
   * Price assumptions for the cost model (read by parseCostAssumptions). When given and the volumes are answered,
   * the deployment options' cost scores move with their relative monthly cost at production volume
   * (see cost-criterion.ts); without them the pack's rules alone score cost.
   */
  costAssumptions?: CostAssumptions | null;
  /**
   * The room's own option per decision (decision id → option id). Every option keeps its scores and its rank,
   * but rules that read another decision (risks, applicability) read the room's choice instead of the
   * recommendation, so a decision that depends on a choice may become applicable or not (and, with that,
   * gain or lose its recommendation); and a decision's option-specific risks are those of the room's choice
   * (DecisionEvaluation.risks). Unknown decisions and options are ignored.
   */
  decided?: Readonly<Record<string, string>> | null;
}

/** The options of the analyses that score like evaluate: the cost model and the room's choices. */
export type ScoringOptions = Pick<EvaluateOptions, 'costAssumptions' | 'decided'>;

const scratch = new WeakMap<CompiledPack, RuleState>();

/** A reusable state for a pack: evaluation is synchronous, so one per pack is enough. */
export function scratchState(pack: CompiledPack): RuleState {
  let state = scratch.get(pack);
  if (!state) {
    state = createRuleState(pack);
    scratch.set(pack, state);
  }
  return state;
}

/**
 * Runs the rules for a set of answers into `state` (scores, exclusions, applicability, tops), plus the cost
 * model's adjustment when one is given (computed once per evaluation by costAdjustment), with the room's
 * choices (roomChoiceIndexes) for the rules that read decisions.
 */
export function scoreAnswers(
  pack: CompiledPack,
  answers: Answers,
  weights: Float64Array,
  state: RuleState = scratchState(pack),
  cost: CostAdjustment | null = null,
  chosen: Int32Array | null = null,
): RuleState {
  setRoomChoices(state, chosen);
  encodeAnswers(pack, answers, state.values);
  runFactorRules(pack, state);
  applyCostAdjustment(state, cost);
  finishScores(pack, state);
  runDecisionRules(pack, state, weights);
  return state;
}

/** Evaluates a workshop: every decision's ranked options, reasons, exclusions, risks, sensitivity and gaps. */
export function evaluate(pack: CompiledPack, answers: Answers, weights?: WeightsInput, options: EvaluateOptions = {}): Evaluation {
  const w = resolveWeights(pack, weights);
  const cost = options.costAssumptions ? costAdjustment(pack, answers, options.costAssumptions) : null;
  const state = scoreAnswers(pack, answers, w, scratchState(pack), cost, roomChoiceIndexes(pack, options.decided));
  return buildEvaluation(pack, state, w, options, cost);
}

function reasonsFor(pack: CompiledPack, state: RuleState, globalOption: number, cost: CostAdjustment | null): ScoreReason[] {
  const out: ScoreReason[] = [];
  for (const { rule, effect } of pack.optionAdjustments[globalOption]!) {
    if (state.status[rule] !== TRUE) continue;
    const compiled = pack.rules[rule]!;
    const e = compiled.rule.effects[effect]!;
    if (e.type !== 'adjust') continue;
    out.push({ rule: compiled.id, consideration: compiled.rule.consideration, criterion: e.criterion, by: e.by, rationale: compiled.rule.rationale });
  }
  for (const reason of costReasonsFor(cost, globalOption)) out.push(reason);
  return out;
}

/**
 * Assembles the plain-data Evaluation from a state scored and ranked with these weights (see scoreAnswers);
 * `cost` is the cost model's adjustment the state was scored with, cited in the reasons.
 */
export function buildEvaluation(pack: CompiledPack, state: RuleState, weights: Float64Array, options: EvaluateOptions = {}, cost: CostAdjustment | null = null): Evaluation {
  const nC = pack.criteria.length;
  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  // All weights at 0: every criterion counts the same rather than dividing by zero.
  const equal = total <= 0;
  const denominator = equal ? nC : total;
  const { scores, excluded, status, values, tops, optionScores, order } = state;
  const sensitivity = options.sensitivity !== false;
  const robustness = sensitivity ? monteCarloRobustness(pack, state, weights, tops, options.robustness) : undefined;

  const decisions: DecisionEvaluation[] = pack.decisions.map((d) => {
    const ranking: RankedOption[] = [];
    for (let position = 0; position < d.optionCount; position++) {
      const o = order[d.optionStart + position]!;
      const g = d.optionStart + o;
      const option = d.decision.options[o]!;
      const criteria: CriterionScore[] = [];
      for (let k = 0; k < nC; k++) {
        const cell = g * nC + k;
        criteria.push({
          criterion: pack.criteria[k]!.id,
          weight: weights[k]!,
          baseline: pack.baseline[cell]!,
          // Rounded like the score: the order rules add up in must not show in the last digits.
          adjustment: Math.round(state.adjust[cell]! * 1e12) / 1e12,
          score: scores[cell]!,
          contribution: ((equal ? 1 : weights[k]!) * scores[cell]!) / denominator,
        });
      }
      ranking.push({
        option: option.id,
        label: option.label,
        rank: position + 1,
        score: optionScores[g]!,
        excluded: excluded[g] === 1,
        criteria,
        reasons: reasonsFor(pack, state, g, cost),
      });
    }

    const relevant = pack.rulesByDecision[d.index]!;
    const excludedOptions: ExcludedOption[] = [];
    for (let o = 0; o < d.optionCount; o++) {
      if (excluded[d.optionStart + o] !== 1) continue;
      const id = d.decision.options[o]!.id;
      const reasons: ExcludedOption['reasons'] = [];
      for (const r of relevant) {
        if (status[r] !== TRUE) continue;
        const rule = pack.rules[r]!;
        for (const e of rule.rule.effects) {
          if (e.type === 'exclude' && e.decision === d.id && e.option === id) reasons.push({ rule: rule.id, consideration: rule.rule.consideration, reason: e.reason });
        }
      }
      excludedOptions.push({ option: id, reasons });
    }

    const notApplicableBecause: NotApplicableReason[] = [];
    for (const r of relevant) {
      if (status[r] !== TRUE) continue;
      const rule = pack.rules[r]!;
      for (const na of rule.notApplicable) if (na.decision === d.index) notApplicableBecause.push({ rule: rule.id, consideration: rule.rule.consideration, reason: na.reason });
    }
    const applicable = notApplicableBecause.length === 0;
    const top = applicable ? tops[d.index]! : -1;

    // The risks of the option the decision goes with: the room's choice where it made one (even where the
    // decision does not apply: the room chose it anyway), else the recommendation; none for a decision that
    // does not apply and that the room left alone. Risks naming no option come with the decision itself.
    const roomChoice = state.chosen[d.index]!;
    const outcome = roomChoice >= 0 ? roomChoice : top;
    const risks: Risk[] = [];
    if (applicable || roomChoice >= 0) {
      for (const r of relevant) {
        if (status[r] !== TRUE) continue;
        const rule = pack.rules[r]!;
        for (const risk of rule.risks) {
          if (risk.decision !== d.index || (risk.option >= 0 && risk.option !== outcome)) continue;
          risks.push({
            rule: rule.id,
            consideration: rule.rule.consideration,
            severity: risk.effect.severity,
            option: risk.effect.option ?? null,
            message: risk.effect.message,
            action: risk.effect.action,
          });
        }
      }
      // High before medium; within a severity, pack order (the sort is stable).
      risks.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'high' ? -1 : 1));
    }

    const unanswered: UnansweredFactor[] = [];
    for (const r of relevant) {
      if (status[r] !== UNKNOWN) continue;
      const rule = pack.rules[r]!;
      for (const f of rule.factors) {
        if (values[f] === values[f]) continue;
        const id = pack.factors[f]!.id;
        const entry = unanswered.find((u) => u.factor === id);
        if (entry) entry.rules.push(rule.id);
        else unanswered.push({ factor: id, prompt: pack.factors[f]!.prompt, rules: [rule.id] });
      }
    }
    unanswered.sort((a, b) => pack.factorIndex.get(a.factor)! - pack.factorIndex.get(b.factor)!);

    let margin: number | null = null;
    if (top >= 0) {
      const runnerUp = ranking.find((r, i) => i > 0 && !r.excluded);
      if (runnerUp) margin = ranking[0]!.score - runnerUp.score;
    }
    const flipPoints: FlipPoint[] = sensitivity && top >= 0 ? computeFlipPoints(pack, state, d.index, weights, top) : [];
    const r = robustness?.[d.index];
    return {
      id: d.id,
      title: d.decision.title,
      applicable,
      notApplicableBecause,
      recommended: top >= 0 ? d.decision.options[top]!.id : null,
      margin,
      ranking,
      excluded: excludedOptions,
      risks,
      flipPoints,
      robustness: top >= 0 && r !== undefined && r === r ? r : null,
      unanswered,
    };
  });

  const unanswered: string[] = [];
  for (let f = 0; f < pack.factors.length; f++) if (values[f] !== values[f]) unanswered.push(pack.factors[f]!.id);
  const firedRules: string[] = [];
  for (const rule of pack.rules) if (status[rule.index] === TRUE) firedRules.push(rule.id);
  if (cost) firedRules.push(COST_MODEL_RULE);
  return {
    pack: { id: pack.pack.id, version: pack.pack.packVersion },
    weights: pack.criteria.map((c, k) => ({ criterion: c.id, weight: weights[k]! })),
    decisions,
    unanswered,
    firedRules,
  };
}
