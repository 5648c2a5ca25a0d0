import { encodeAnswers, resolveWeights, type Answers, type WeightsInput } from './answers';
import { TRUE, UNKNOWN } from './compile-condition';
import { SCOPE_USE_CASE, type CompiledDecision, type CompiledPack } from './compiled-pack';
import { USE_CASE_COST_FACTORS, type CostAssumptions } from '../cost';
import { applyCostAdjustment, costModelSets, costReasonsFor, costRiskFor, COST_MODEL_RULE, type CostAdjustment } from './cost-criterion';
import type {
  ConsistencyIssue,
  CriterionScore,
  DecisionEvaluation,
  DecisionPortfolio,
  Evaluation,
  ExcludedOption,
  FlipPoint,
  NotApplicableReason,
  PartSource,
  RankedOption,
  Risk,
  ScoreReason,
  UnansweredFactor,
  UseCaseEvaluation,
  UseCaseOutcome,
} from './evaluation';
import { confidenceOf } from './confidence';
import { computeFlipPoints } from './flip-points';
import type { RobustnessOptions } from './robustness';
import { createRuleState, finishScores, runDecisionRules, runFactorRules, setRoomChoices, type RuleState } from './rule-state';
import { derivedFlipPoints } from './roadmap/derived-flip-points';
import { PART_SKIPPED } from './roadmap/portfolio-scores';
import { asRoadmap, type Roadmap } from './roadmap/roadmap-input';
import { roadmapRobustness } from './roadmap/roadmap-robustness';
import { createRanking, rankRoadmap, runRoadmap, settleDecisionRules, type RoadmapRanking, type RoadmapRun, type RunOptions } from './roadmap/roadmap-run';
import { useCaseCostAdjustment } from './roadmap/use-case-cost';
import { optionLabel } from '../domain';

/** What evaluate computes besides the ranking. */
export interface EvaluateOptions {
  /** Flip points and Monte Carlo robustness (default true). */
  sensitivity?: boolean;
  robustness?: RobustnessOptions;
  /**
   * Price assumptions for the cost model (read by parseCostAssumptions). When given, each use case's placement
   * options' cost scores move with their relative monthly cost at production volume (see roadmap/use-case-cost.ts);
   * without them, and for a pack without use cases, the rules alone score cost.
   */
  costAssumptions?: CostAssumptions | null;
  /**
   * The room's own option per organisation decision (decision id → option id). Every option keeps its scores and
   * its rank, but rules that read another decision (risks, applicability) read the room's choice instead of the
   * recommendation, so a decision that depends on a choice may become applicable or not; a decision's
   * option-specific risks are those of the room's choice; and a decision derived from the use cases places them
   * as the room's choice does. Unknown decisions and options are ignored. (A use case's own choices come with it.)
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
 * Runs the rules for one set of answers into `state` (scores, exclusions, applicability, tops), plus a cost
 * adjustment when one is given, with the room's choices for the rules that read decisions. For a pack's
 * organisation decisions with no use cases; `scoreRoadmap` scores a whole roadmap.
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

/**
 * Scores a roadmap by the rules (what no weighting changes), with the cost model's adjustments when the options
 * give assumptions and the room's organisation choices: ready to rank under any weighting (rankRoadmap).
 */
export function prepareRoadmap(pack: CompiledPack, input: Roadmap | Answers, options: ScoringOptions = {}): RoadmapRun {
  const roadmap = asRoadmap(input);
  return runRoadmap(pack, roadmap, runOptions(pack, roadmap, options));
}

/** How a roadmap is scored under these options: the room's organisation choices and the cost model's adjustments. */
export function runOptions(pack: CompiledPack, roadmap: Roadmap, options: ScoringOptions): RunOptions {
  const assumptions = options.costAssumptions ?? null;
  const size = roadmap.useCases.length;
  return {
    decided: options.decided,
    // A use case's answers carry the organisation's (useCaseAnswers), so the organisation's figures come with them.
    useCaseCost: assumptions ? (_i, answers, excluded) => useCaseCostAdjustment(pack, answers, answers, assumptions, size, excluded) : undefined,
  };
}

/** A roadmap scored and ranked under one weighting, with every use case settled where it lands. */
export interface ScoredRoadmap {
  run: RoadmapRun;
  ranking: RoadmapRanking;
  weights: Float64Array;
  /** Per use case, per decision: where it lands (-1: nowhere), and why. */
  finals: Int32Array[];
  sources: PartSource[][];
  /** The organisation's cost adjustment (a pack without use cases), cited in the deployment options' reasons. */
  orgCost: CostAdjustment | null;
}

/**
 * Scores a roadmap: every use case by the rules (with its cost adjustment), the organisation by the rules and
 * the derived decisions by the portfolio, ranks everything under `weights`, then settles each use case where
 * it lands and re-runs the rules that read decisions on what was settled (their risks follow it).
 */
export function scoreRoadmap(pack: CompiledPack, input: Roadmap | Answers, weights: Float64Array, options: ScoringOptions = {}): ScoredRoadmap {
  const run = prepareRoadmap(pack, input, options);
  const orgCost = run.orgCost;
  const ranking = rankRoadmap(run, weights, createRanking(run));
  writeDerivedScores(pack, run.org, ranking, run.mixAdjust);
  const preset = new Uint8Array(pack.decisions.length);
  pack.portfolios.forEach((p, i) => {
    if (ranking.portfolios[i]!.empty) preset[p.decision] = 1;
  });
  runDecisionRules(pack, run.org, weights, preset);
  const { finals, sources } = settleUseCases(pack, run, ranking);
  run.useCases.forEach((u, i) => {
    // What reads a use case's decisions reads where it lands; parts that do not apply stay unread.
    const chosen = Int32Array.from(finals[i]!, (o, d) => (ranking.useCases[i]!.notApplicable[d] === 1 ? -1 : o));
    settleDecisionRules(pack, u.state, weights, chosen);
  });
  return { run, ranking, weights, finals, sources, orgCost };
}

/** Writes each derived decision's criterion scores and exclusions (from its portfolio) into the organisation's state. */
function writeDerivedScores(pack: CompiledPack, org: RuleState, ranking: RoadmapRanking, mix: readonly Float64Array[]): void {
  const nC = pack.criteria.length;
  pack.portfolios.forEach((p, i) => {
    const scores = ranking.portfolios[i]!;
    const d = pack.decisions[p.decision]!;
    for (let o = 0; o < d.optionCount; o++) {
      const g = d.optionStart + o;
      org.excluded[g] = scores.excluded[o]!;
      for (let k = 0; k < nC; k++) {
        org.scores[g * nC + k] = scores.vectors[o * nC + k]!;
        org.adjust[g * nC + k] = o === p.mixed ? mix[i]![k]! : 0;
      }
    }
  });
}

/**
 * Where each use case lands on each of its decisions: the room's choice for it; else, for a part of a uniform
 * derived decision, where the organisation's outcome (the room's choice, else the recommendation) puts it;
 * else its own recommendation. A part that does not apply lands where the portfolio counts it, or nowhere.
 */
function settleUseCases(pack: CompiledPack, run: RoadmapRun, ranking: RoadmapRanking): { finals: Int32Array[]; sources: PartSource[][] } {
  const nD = pack.decisions.length;
  const finals: Int32Array[] = [];
  const sources: PartSource[][] = [];
  run.useCases.forEach((u, i) => {
    const view = ranking.useCases[i]!;
    const final = new Int32Array(nD).fill(-1);
    const source: PartSource[] = Array.from({ length: nD }, () => 'none');
    for (const d of pack.useCaseDecisions) {
      const di = d.index;
      const own = view.tops[di]!;
      if (view.notApplicable[di] === 1) {
        const counts = countsAs(pack, di);
        if (counts >= 0) {
          final[di] = counts;
          source[di] = 'implied';
        }
        continue;
      }
      if (u.chosen[di]! >= 0) {
        final[di] = u.chosen[di]!;
        source[di] = 'room';
        continue;
      }
      final[di] = own;
      source[di] = own >= 0 ? 'own' : 'none';
      for (const [pi, p] of pack.portfolios.entries()) {
        const j = p.parts.indexOf(di);
        if (j < 0 || p.kind !== 'uniform') continue;
        const outcome = ranking.org.ruleTops[p.decision]!;
        if (outcome < 0 || outcome === p.mixed) continue;
        const cell = (outcome * run.useCases.length + i) * p.parts.length + j;
        const sel = ranking.portfolios[pi]!.selection[cell]!;
        if (ranking.portfolios[pi]!.blocked[cell] === 1) source[di] = 'conflict';
        else if (sel !== PART_SKIPPED && sel !== own) {
          final[di] = sel;
          source[di] = 'roadmap';
        }
      }
    }
    finals.push(final);
    sources.push(source);
  });
  return { finals, sources };
}

/** The option a not-applicable use-case decision counts as in a portfolio (-1 when it counts as nothing). */
function countsAs(pack: CompiledPack, decision: number): number {
  for (const p of pack.portfolios) {
    const j = p.parts.indexOf(decision);
    if (j >= 0 && p.countsAs[j]! >= 0) return p.countsAs[j]!;
  }
  return -1;
}

/** Evaluates a roadmap (or bare organisation answers): every decision's ranked options, reasons, exclusions, risks, sensitivity and gaps. */
export function evaluate(pack: CompiledPack, input: Roadmap | Answers, weights?: WeightsInput, options: EvaluateOptions = {}): Evaluation {
  const w = resolveWeights(pack, weights);
  const scored = scoreRoadmap(pack, input, w, options);
  return buildEvaluation(pack, scored, options);
}

/** What a decision's description needs beyond its state. */
interface DescribeExtras {
  weights: Float64Array;
  flipPoints: FlipPoint[];
  robustness: number | null;
  cost: CostAdjustment | null;
  /** The option that most often took the top in the robustness samples (index within the decision), or -1. */
  challenger: number;
  /** The option whose risks are shown (-1: none). A decision that does not apply shows none: a room's choice for it is set aside. */
  outcome: number;
}

function reasonsFor(pack: CompiledPack, state: RuleState, globalOption: number, cost: CostAdjustment | null): ScoreReason[] {
  const out: ScoreReason[] = [];
  for (const { rule, effect } of pack.optionAdjustments[globalOption]!) {
    if (state.status[rule] !== TRUE) continue;
    const compiled = pack.rules[rule]!;
    const e = compiled.rule.effects[effect]!;
    if (e.type !== 'adjust') continue;
    // The cost model alone judges the cost of what it prices: a rule's adjustment there has no effect.
    if (costModelSets(cost, globalOption * pack.criteria.length + pack.criterionIndex.get(e.criterion)!)) continue;
    out.push({ rule: compiled.id, consideration: compiled.rule.consideration, criterion: e.criterion, by: e.by, rationale: compiled.rule.rationale });
  }
  for (const reason of costReasonsFor(cost, globalOption)) out.push(reason);
  return out;
}

/** Options best first: not excluded by weighted sum, then excluded; ties by pack order. */
function rankedOrder(pack: CompiledPack, state: RuleState, d: CompiledDecision, weights: Float64Array): { order: number[]; scores: Float64Array } {
  const nC = pack.criteria.length;
  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  const scores = new Float64Array(d.optionCount);
  for (let o = 0; o < d.optionCount; o++) {
    const base = (d.optionStart + o) * nC;
    let sum = 0;
    for (let k = 0; k < nC; k++) sum += (total > 0 ? weights[k]! : 1) * state.scores[base + k]!;
    scores[o] = sum / (total > 0 ? total : nC);
  }
  const order = Array.from({ length: d.optionCount }, (_, o) => o);
  const ex = state.excluded;
  order.sort((a, b) => ex[d.optionStart + a]! - ex[d.optionStart + b]! || scores[b]! - scores[a]! || a - b);
  return { order, scores };
}

/** One decision as the engine describes it, from a state scored, ranked and settled as `scoreRoadmap` leaves it. */
function describeDecision(pack: CompiledPack, state: RuleState, d: CompiledDecision, applicableNow: boolean, top: number, extras: DescribeExtras): DecisionEvaluation {
  const nC = pack.criteria.length;
  const { weights } = extras;
  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  const equal = total <= 0;
  const denominator = equal ? nC : total;
  const { status, values, excluded } = state;
  const { order, scores: optionScores } = rankedOrder(pack, state, d, weights);
  const portfolio = pack.portfolioOf[d.index];
  const ranking: RankedOption[] = order.map((o, position) => {
    const g = d.optionStart + o;
    const option = d.decision.options[o]!;
    const criteria: CriterionScore[] = [];
    for (let k = 0; k < nC; k++) {
      const cell = g * nC + k;
      const adjustment = Math.round(state.adjust[cell]! * 1e12) / 1e12;
      criteria.push({
        criterion: pack.criteria[k]!.id,
        weight: weights[k]!,
        // A derived option's baseline is the roadmap's mean; its adjustment the mix's penalty.
        baseline: portfolio ? Math.round((state.scores[cell]! - adjustment) * 1e12) / 1e12 : pack.baseline[cell]!,
        adjustment,
        score: state.scores[cell]!,
        contribution: ((equal ? 1 : weights[k]!) * state.scores[cell]!) / denominator,
      });
    }
    const reasons = reasonsFor(pack, state, g, extras.cost);
    // The mix's price, where there is a mix to pay for (out of reach, it has none).
    if (portfolio && o === portfolio.mixed && excluded[g] !== 1) {
      for (let k = 0; k < nC; k++) {
        const by = portfolio.penalty[k]!;
        if (by !== 0) reasons.push({ rule: `${d.id}.mix`, consideration: 'complexity', criterion: pack.criteria[k]!.id, by, rationale: portfolio.mixedRationale });
      }
    }
    return { option: option.id, label: option.label, rank: position + 1, score: optionScores[o]!, excluded: excluded[g] === 1, criteria, reasons, rationale: option.rationale ?? null };
  });

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
  const applicable = applicableNow && notApplicableBecause.length === 0;
  const recommended = applicable ? top : -1;

  const risks: Risk[] = [];
  if (applicable) {
    for (const r of relevant) {
      if (status[r] !== TRUE) continue;
      const rule = pack.rules[r]!;
      for (const risk of rule.risks) {
        if (risk.decision !== d.index || (risk.option >= 0 && risk.option !== extras.outcome)) continue;
        risks.push({ rule: rule.id, consideration: rule.rule.consideration, severity: risk.effect.severity, option: risk.effect.option ?? null, message: risk.effect.message, action: risk.effect.action });
      }
    }
    const costRisk = extras.outcome >= 0 ? costRiskFor(extras.cost, d.index, extras.outcome, d.decision.options[extras.outcome]!.id) : null;
    if (costRisk) risks.push(costRisk);
  }

  const unanswered: UnansweredFactor[] = [];
  for (const r of relevant) {
    if (status[r] !== UNKNOWN) continue;
    const rule = pack.rules[r]!;
    for (const f of rule.factors) {
      // An aggregate is worked out from the use cases' answers: those are the questions to ask, and each use
      // case's own decisions list them.
      if (values[f] === values[f] || pack.factors[f]!.aggregate) continue;
      const id = pack.factors[f]!.id;
      const entry = unanswered.find((u) => u.factor === id);
      if (entry) entry.rules.push(rule.id);
      else unanswered.push({ factor: id, prompt: pack.factors[f]!.prompt, rules: [rule.id] });
    }
  }
  unanswered.sort((a, b) => pack.factorIndex.get(a.factor)! - pack.factorIndex.get(b.factor)!);

  let margin: number | null = null;
  if (recommended >= 0) {
    const runnerUp = ranking.find((r, i) => i > 0 && !r.excluded);
    if (runnerUp) margin = ranking[0]!.score - runnerUp.score;
  }
  return {
    id: d.id,
    title: d.decision.title,
    applicable,
    notApplicableBecause,
    recommended: recommended >= 0 ? d.decision.options[recommended]!.id : null,
    margin,
    ranking,
    excluded: excludedOptions,
    risks: sortRisks(risks),
    flipPoints: recommended >= 0 ? extras.flipPoints : [],
    robustness: recommended >= 0 ? extras.robustness : null,
    confidence: confidenceOf(ranking, recommended >= 0 ? d.decision.options[recommended]!.id : null, margin, recommended >= 0 ? extras.robustness : null, optionId(d, extras.challenger)),
    unanswered,
  };
}

/** The id a room's choice of an option a constraint rules out is cited by. */
export const OVERRIDDEN_CONSTRAINT_RULE = 'room-choice.overrides-constraint';

/**
 * The room chose an option a constraint rules out: the decision says so with a High risk naming the constraint
 * (the exclusion stays, so the record shows what was overridden). Unchanged otherwise.
 */
function withOverriddenConstraint(e: DecisionEvaluation, chosen: string | null, d: CompiledDecision, useCases: readonly UseCaseEvaluation[] = []): DecisionEvaluation {
  const out = chosen === null ? undefined : e.excluded.find((x) => x.option === chosen);
  // A mix with nothing to mix is out of reach, not ruled out: there is no constraint to override.
  const constraint = out?.reasons.find((r) => r.rule !== 'portfolio');
  if (chosen === null || !constraint) return e;
  const label = optionLabel(d.decision, chosen);
  const named = constraint.useCase === undefined ? undefined : useCases.find((u) => u.id === constraint.useCase)?.name;
  const why = named ? `${named}: ${constraint.reason}` : constraint.reason;
  const risk: Risk = {
    rule: OVERRIDDEN_CONSTRAINT_RULE,
    consideration: 'room-choice',
    severity: 'high',
    option: chosen,
    message: `The room chose ${label}, which a constraint rules out. ${why}`,
    action: 'Check whether the constraint still holds and correct the answer that sets it if not; otherwise record who accepted this risk and why in the decision record.',
  };
  return { ...e, risks: sortRisks([risk, ...e.risks]) };
}

/** High before medium; within a severity, the order they came in (the sort is stable). */
function sortRisks(risks: Risk[]): Risk[] {
  return risks.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'high' ? -1 : 1));
}

/** The option id of an index within a decision, or null. */
function optionId(d: CompiledDecision, o: number): string | null {
  return o >= 0 ? d.decision.options[o]!.id : null;
}

/**
 * A derived decision's portfolio view and what its use cases add to its description: the use cases' exclusions
 * of the options, the risks and unanswered factors of their parts (each naming the use case).
 */
function derivedDetail(pack: CompiledPack, scored: ScoredRoadmap, useCases: readonly UseCaseEvaluation[], d: CompiledDecision, evaluation: DecisionEvaluation): DecisionEvaluation {
  const p = pack.portfolioOf[d.index]!;
  const pi = pack.portfolios.indexOf(p);
  const { run, ranking, finals, sources } = scored;
  const nU = run.useCases.length;
  const outcome = ranking.org.ruleTops[d.index]!;
  const from = Array.from(p.parts, (part) => pack.decisions[part]!);
  const rows: DecisionPortfolio['useCases'] = run.useCases.map((u, i) => ({
    useCase: u.input.id,
    name: u.input.name,
    parts: from.map((part) => {
      const own = u.chosen[part.index]! >= 0 ? u.chosen[part.index]! : ranking.useCases[i]!.notApplicable[part.index] === 1 ? -1 : ranking.useCases[i]!.tops[part.index]!;
      return { decision: part.id, option: optionId(part, finals[i]![part.index]!), ownBest: optionId(part, own), source: sources[i]![part.index]! };
    }),
  }));
  // Uniform: use cases moved off their own best. Main approach: use cases whose part lands outside the outcome's.
  const differ = rows
    .filter((row, i) =>
      p.kind === 'uniform'
        ? row.parts.some((part) => part.source === 'roadmap' || part.source === 'conflict')
        : outcome >= 0 && from.some((part, j) => finals[i]![part.index]! >= 0 && !(p.allowed[outcome]?.[j]?.includes(finals[i]![part.index]!) ?? true)),
    )
    .map((row) => row.useCase);

  // Why an option is excluded: for each use case that blocks it, that use case's own reasons.
  const scores = ranking.portfolios[pi]!;
  const excluded = evaluation.excluded.map((entry) => {
    const x = d.decision.options.findIndex((o) => o.id === entry.option);
    const reasons: ExcludedOption['reasons'] = [];
    run.useCases.forEach((u, i) => {
      from.forEach((part, j) => {
        if (scores.blocked[(x * nU + i) * p.parts.length + j] !== 1) return;
        const uc = useCases[i]!;
        const partEval = uc.decisions.find((e) => e.id === part.id);
        const allowed = p.allowed[x]?.[j];
        const why: ExcludedOption['reasons'] = [];
        if (partEval && !partEval.applicable) {
          for (const na of partEval.notApplicableBecause) why.push({ rule: na.rule, consideration: na.consideration, reason: na.reason, useCase: u.input.id });
        } else if (u.chosen[part.index]! >= 0) {
          why.push({ rule: 'room-choice', consideration: 'room-choice', reason: `The room chose ${part.decision.options[u.chosen[part.index]!]!.label} for it.`, useCase: u.input.id });
        } else if (partEval) {
          for (const ex of partEval.excluded) {
            const o = part.decision.options.findIndex((opt) => opt.id === ex.option);
            if (allowed === undefined || allowed.includes(o)) for (const r of ex.reasons) why.push({ ...r, useCase: u.input.id });
          }
        }
        reasons.push(...why);
      });
    });
    // A mix with nothing to mix: every use case lands where one option puts it.
    if (x === p.mixed && scores.unmixed >= 0) {
      const one = d.decision.options[scores.unmixed]!.label;
      reasons.push({ rule: 'portfolio', consideration: 'portfolio', reason: `Every use case lands where ${one} puts it, so there is nothing to mix.` });
    }
    return { option: entry.option, reasons: [...entry.reasons, ...reasons] };
  });

  // The risks and open questions of the parts come with the decision, naming their use case.
  const risks = [...evaluation.risks];
  const unanswered = [...evaluation.unanswered];
  useCases.forEach((uc) => {
    for (const part of from) {
      const e = uc.decisions.find((x) => x.id === part.id);
      if (!e) continue;
      for (const r of e.risks) risks.push({ ...r, useCase: uc.id });
      for (const q of e.unanswered) {
        // A use case's own question names it; an organisation question its rules read is asked once.
        const own = pack.factorScopes[pack.factorIndex.get(q.factor)!] === SCOPE_USE_CASE;
        const same = unanswered.find((x) => x.factor === q.factor && (own ? x.useCase === uc.id : x.useCase === undefined));
        if (same) same.rules = [...new Set([...same.rules, ...q.rules])];
        else unanswered.push(own ? { ...q, useCase: uc.id } : { ...q, rules: [...q.rules] });
      }
    }
  });
  const byOption: DecisionPortfolio['byOption'] = d.decision.options.map((option, x) => ({
    option: option.id,
    useCases: run.useCases.map((u, i) => ({
      useCase: u.input.id,
      parts: from.map((part, j) => {
        const cell = (x * nU + i) * p.parts.length + j;
        const sel = scores.selection[cell]!;
        // Blocked: where the option would have to put it (its first allowed option), so it can still be priced.
        const forced = scores.blocked[cell] === 1 && p.kind === 'uniform' ? (p.allowed[x]?.[j]?.[0] ?? -1) : -1;
        return { decision: part.id, option: optionId(part, sel >= 0 ? sel : forced) };
      }),
    })),
  }));
  const portfolio: DecisionPortfolio = { kind: p.kind, from: from.map((f) => f.id), outcome: optionId(d, outcome), useCases: rows, differ, byOption };
  // The organisation's questions first, then each use case's, in roadmap order; each in pack order.
  const useCaseOrder = new Map(useCases.map((u, i) => [u.id, i]));
  const order = (q: UnansweredFactor) => (q.useCase === undefined ? -1 : (useCaseOrder.get(q.useCase) ?? useCases.length));
  unanswered.sort((a, b) => order(a) - order(b) || pack.factorIndex.get(a.factor)! - pack.factorIndex.get(b.factor)!);
  return { ...evaluation, excluded, risks: sortRisks(dedupeRisks(risks)), unanswered, portfolio };
}

/** The same risk raised for the same use case by two of its parts (serving and training) is listed once. */
function dedupeRisks(risks: Risk[]): Risk[] {
  const seen = new Set<string>();
  return risks.filter((r) => {
    const key = `${r.useCase ?? r.rule}\u0000${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The use-case decisions the cost model prices once a volume is known. */
const PRICED_DECISIONS: ReadonlySet<string> = new Set(['serving-placement', 'training-placement', 'sourcing']);

/**
 * A decision the cost model would price, of a use case whose volume nobody gave: the production volume is a
 * question to ask (read by the cost model), listed with the rules' own.
 */
function withVolumeToPrice(pack: CompiledPack, e: DecisionEvaluation, values: Float64Array, options: EvaluateOptions): DecisionEvaluation {
  if (!options.costAssumptions || !e.applicable || !PRICED_DECISIONS.has(e.id)) return e;
  const production = pack.factorIndex.get(USE_CASE_COST_FACTORS.requestsInProduction);
  const now = pack.factorIndex.get(USE_CASE_COST_FACTORS.requestsNow);
  if (production === undefined || values[production] === values[production] || (now !== undefined && values[now] === values[now])) return e;
  if (e.unanswered.some((q) => q.factor === pack.factors[production]!.id)) return e;
  const question: UnansweredFactor = { factor: pack.factors[production]!.id, prompt: pack.factors[production]!.prompt, rules: [COST_MODEL_RULE] };
  return { ...e, unanswered: [...e.unanswered, question].sort((a, b) => pack.factorIndex.get(a.factor)! - pack.factorIndex.get(b.factor)!) };
}

/**
 * Assembles the plain-data Evaluation from a scored roadmap: the organisation's decisions (derived ones with
 * their portfolio), each use case's decisions and where it lands, robustness and flip points.
 */
export function buildEvaluation(pack: CompiledPack, scored: ScoredRoadmap, options: EvaluateOptions = {}): Evaluation {
  const { run, ranking, weights, finals, sources } = scored;
  const sensitivity = options.sensitivity !== false;
  const robustness = sensitivity ? roadmapRobustness(run, weights, options.robustness) : null;

  const useCases: UseCaseEvaluation[] = run.useCases.map((u, i) => {
    const view = ranking.useCases[i]!;
    const decisions = pack.useCaseDecisions.map((d) => {
      const top = view.tops[d.index]!;
      const applicable = view.notApplicable[d.index] !== 1;
      const described = describeDecision(pack, u.state, d, applicable, top, {
        weights,
        flipPoints: sensitivity && applicable && top >= 0 ? computeFlipPoints(pack, u.state, d.index, weights, top) : [],
        robustness: robustness ? nanToNull(robustness.useCases[i]![d.index]!) : null,
        challenger: robustness ? robustness.useCaseChallengers[i]![d.index]! : -1,
        cost: u.cost,
        outcome: finals[i]![d.index]!,
      });
      return withOverriddenConstraint(withVolumeToPrice(pack, described, u.state.values, options), applicable ? optionId(d, u.chosen[d.index]!) : null, d);
    });
    const outcomes: UseCaseOutcome[] = pack.useCaseDecisions.map((d) => ({ decision: d.id, option: optionId(d, finals[i]![d.index]!), source: sources[i]![d.index]! }));
    const unanswered: string[] = [];
    for (let f = 0; f < pack.factors.length; f++) if (pack.factorScopes[f] === SCOPE_USE_CASE && u.state.values[f] !== u.state.values[f]) unanswered.push(pack.factors[f]!.id);
    const firedRules = pack.rules.filter((r) => u.state.status[r.index] === TRUE && r.decisions.some((d) => pack.decisionScopes[d] === SCOPE_USE_CASE)).map((r) => r.id);
    if (u.cost) firedRules.push(COST_MODEL_RULE);
    return { id: u.input.id, name: u.input.name, decisions, outcomes, unanswered, firedRules };
  });

  const org = run.org;
  const decisions = pack.organisationDecisions.map((d) => {
    const top = ranking.org.tops[d.index]!;
    const applicable = ranking.org.notApplicable[d.index] !== 1;
    const derived = pack.portfolioOf[d.index];
    const roomChoice = run.orgChosen[d.index]!;
    const flipPoints = !sensitivity || !applicable || top < 0 ? [] : derived ? derivedFlipPoints(run, d.index, weights, top) : computeFlipPoints(pack, org, d.index, weights, top);
    const evaluation = describeDecision(pack, org, d, applicable, top, {
      weights,
      flipPoints,
      robustness: robustness ? nanToNull(robustness.org[d.index]!) : null,
      challenger: robustness ? robustness.orgChallengers[d.index]! : -1,
      cost: scored.orgCost,
      outcome: !applicable ? -1 : roomChoice >= 0 ? roomChoice : top,
    });
    if (derived && ranking.portfolios[pack.portfolios.indexOf(derived)]!.empty) {
      evaluation.notApplicableBecause.unshift({ rule: `${d.id}.portfolio`, consideration: 'applicability', reason: 'No use case in the roadmap has anything to decide here yet.' });
    }
    return withOverriddenConstraint(derived ? derivedDetail(pack, scored, useCases, d, evaluation) : evaluation, applicable ? optionId(d, roomChoice) : null, d, useCases);
  });

  const unanswered: string[] = [];
  for (let f = 0; f < pack.factors.length; f++) {
    if (pack.factorScopes[f] === SCOPE_USE_CASE || pack.factors[f]!.aggregate) continue;
    if (org.values[f] !== org.values[f]) unanswered.push(pack.factors[f]!.id);
  }
  const firedRules: string[] = [];
  for (const rule of pack.rules) if (org.status[rule.index] === TRUE && rule.decisions.every((d) => pack.decisionScopes[d] !== SCOPE_USE_CASE)) firedRules.push(rule.id);
  if (scored.orgCost) firedRules.push(COST_MODEL_RULE);
  return {
    pack: { id: pack.pack.id, version: pack.pack.packVersion },
    weights: pack.criteria.map((c, k) => ({ criterion: c.id, weight: weights[k]! })),
    decisions,
    useCases,
    unanswered,
    firedRules,
    consistency: consistencyIssues(pack, run),
  };
}

const NO_TOPS = new Int32Array(0);

/** The pack's consistency checks that hold: the organisation's answers first, then each use case's (over the organisation's). */
function consistencyIssues(pack: CompiledPack, run: RoadmapRun): ConsistencyIssue[] {
  const out: ConsistencyIssue[] = [];
  const issue = (c: CompiledPack['checks'][number], useCase?: string): ConsistencyIssue => ({
    check: c.check.id,
    ...(useCase === undefined ? {} : { useCase }),
    factors: Array.from(c.factors).sort((a, b) => a - b).map((f) => pack.factors[f]!.id),
    message: c.check.message,
    ask: c.check.ask,
  });
  for (const c of pack.checks) if (!c.useCase && c.condition(run.org.values, NO_TOPS) === TRUE) out.push(issue(c));
  for (const u of run.useCases) for (const c of pack.checks) if (c.useCase && c.condition(u.state.values, NO_TOPS) === TRUE) out.push(issue(c, u.input.id));
  return out;
}

function nanToNull(x: number): number | null {
  return x === x ? x : null;
}
