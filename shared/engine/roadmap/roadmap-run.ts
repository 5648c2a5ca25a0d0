import { encodeAnswers, type Answers } from '../answers';
import { TRUE } from '../compile-condition';
import { FACTOR_NUMBER, SCOPE_USE_CASE, type CompiledPack, type CompiledRule } from '../compiled-pack';
import { applyCostAdjustment, type CostAdjustment } from '../cost-criterion';
import { createRuleState, finishScores, markExclusions, roomChoiceIndexes, runDecisionRules, runFactorRules, setRoomChoices, type RuleState } from '../rule-state';
import { createPortfolioScores, rankPortfolio, scorePortfolio, type PortfolioScores, type UseCaseView } from './portfolio-scores';
import { useCaseAnswers, type Roadmap, type UseCaseInput } from './roadmap-input';

/** One use case scored by the rules: fixed for every weighting (only its ranking moves with the weights). */
export interface UseCaseRun {
  input: UseCaseInput;
  /** Scores, exclusions and encoded answers (after the factor rules and its cost adjustment). */
  state: RuleState;
  /** The room's own option per decision (-1 where none). */
  chosen: Int32Array;
  /** 1 where a factor-only rule makes the decision not applicable (whatever the weights). */
  baseNotApplicable: Uint8Array;
  cost: CostAdjustment | null;
}

/** The roadmap scored by the rules: the organisation's state and each use case's. */
export interface RoadmapRun {
  pack: CompiledPack;
  roadmap: Roadmap;
  org: RuleState;
  orgChosen: Int32Array;
  orgBaseNotApplicable: Uint8Array;
  /** The cost model's adjustment of the organisation's options (a pack without use cases), or null. */
  orgCost: CostAdjustment | null;
  /** Per derived decision (pack.portfolios order): what its mix adds to each criterion, its penalty plus the organisation's rules on it. */
  mixAdjust: Float64Array[];
  useCases: UseCaseRun[];
  /** How it was scored (the room's choices, the cost model): what re-scoring it with other answers needs. */
  options: RunOptions;
}

/** How the roadmap ranks under one weighting: every decision's top, applicability and the portfolios. */
export interface RoadmapRanking {
  /** Per use case: weighted sums, tops (-1 none) and applicability of its decisions. */
  useCases: Array<UseCaseView & { tops: Int32Array; ruleTops: Int32Array }>;
  /** The organisation's weighted sums (derived decisions' from their portfolios), tops and applicability. */
  org: { sums: Float64Array; excluded: Uint8Array; tops: Int32Array; notApplicable: Uint8Array; ruleTops: Int32Array };
  /** One per derived decision, in pack.portfolios order. */
  portfolios: PortfolioScores[];
  /** Scratch: decisions with nothing to decide, and the organisation's not-applicable marks before decision rules. */
  empty: Uint8Array;
  base: Uint8Array;
}

/** The applicability rules that read decisions, by scope, in the order they must run. */
const applicabilityCache = new WeakMap<CompiledPack, { org: CompiledRule[]; useCase: CompiledRule[] }>();

function decisionApplicabilityRules(pack: CompiledPack): { org: CompiledRule[]; useCase: CompiledRule[] } {
  let cached = applicabilityCache.get(pack);
  if (!cached) {
    const marking = pack.decisionRules.filter((r) => r.notApplicable.length > 0);
    cached = {
      org: marking.filter((r) => r.notApplicable.every((na) => pack.decisionScopes[na.decision] !== SCOPE_USE_CASE)),
      useCase: marking.filter((r) => r.notApplicable.some((na) => pack.decisionScopes[na.decision] === SCOPE_USE_CASE)),
    };
    applicabilityCache.set(pack, cached);
  }
  return cached;
}

/** Not applicable from factor-only rules, which no weighting changes. */
function baseApplicability(pack: CompiledPack, state: RuleState): Uint8Array {
  const out = new Uint8Array(pack.decisions.length);
  for (const rule of pack.applicabilityRules) {
    if (state.status[rule.index] === TRUE) for (const na of rule.notApplicable) out[na.decision] = 1;
  }
  return out;
}

/** The organisation factors computed from the use cases (max, min or sum of a use-case factor's encoded answers). */
function writeAggregates(pack: CompiledPack, useCases: readonly UseCaseRun[], values: Float64Array): void {
  for (const a of pack.aggregates) {
    let out = NaN;
    for (const u of useCases) {
      const x = u.state.values[a.of]!;
      if (x !== x) continue;
      if (out !== out) out = x;
      else out = a.by === 'max' ? Math.max(out, x) : a.by === 'min' ? Math.min(out, x) : out + x;
    }
    // An enum or boolean aggregate is a position in the same value list: max and min keep it one.
    values[a.factor] = pack.factorKinds[a.factor] === FACTOR_NUMBER || out !== out ? out : Math.round(out);
  }
}

/** Options for scoring a roadmap: the room's organisation choices and the cost model's adjustments. */
export interface RunOptions {
  decided?: Readonly<Record<string, string>> | null;
  /** The cost model's adjustment of the organisation's options (a pack with no use cases), or null. */
  orgCost?: CostAdjustment | null;
  /** The cost model's adjustment of each use case's options, by use case index, given the options its answers rule out, or null. */
  useCaseCost?: (index: number, answers: Answers, excluded: Uint8Array) => CostAdjustment | null;
  /**
   * Fires the factor-only rules on an encoded state (default runFactorRules). `npm run bench` passes the same
   * rules written out by hand here, so the two differ in nothing else.
   */
  fireFactorRules?: (pack: CompiledPack, state: RuleState) => void;
}

/** Scores one use case by the rules: its answers over the organisation's, its cost adjustment, the room's choices for it. */
export function runUseCase(pack: CompiledPack, roadmap: Roadmap, input: UseCaseInput, index: number, options: RunOptions = {}): UseCaseRun {
  const state = createRuleState(pack);
  const chosen = roomChoiceIndexes(pack, input.decided) ?? new Int32Array(pack.decisions.length).fill(-1);
  const answers = useCaseAnswers(roadmap, input);
  setRoomChoices(state, chosen);
  encodeAnswers(pack, answers, state.values);
  (options.fireFactorRules ?? runFactorRules)(pack, state);
  // The cost model compares what the constraints leave, so it reads the exclusions the answers fire.
  let cost: CostAdjustment | null = null;
  if (options.useCaseCost) {
    markExclusions(pack, state);
    cost = options.useCaseCost(index, answers, state.excluded);
  }
  applyCostAdjustment(state, cost);
  finishScores(pack, state);
  return { input, state, chosen, baseNotApplicable: baseApplicability(pack, state), cost };
}

/** Scores the organisation by the rules, given its use cases (for the aggregates), into a run. */
export function runOrganisation(pack: CompiledPack, roadmap: Roadmap, useCases: UseCaseRun[], options: RunOptions = {}): RoadmapRun {
  const org = createRuleState(pack);
  const orgChosen = roomChoiceIndexes(pack, options.decided) ?? new Int32Array(pack.decisions.length).fill(-1);
  setRoomChoices(org, orgChosen);
  // Use-case factors are the use cases' own: the organisation's rules never see them (the pack checks that).
  encodeAnswers(pack, roadmap.answers, org.values);
  for (let f = 0; f < pack.factors.length; f++) if (pack.factorScopes[f] === SCOPE_USE_CASE) org.values[f] = NaN;
  writeAggregates(pack, useCases, org.values);
  (options.fireFactorRules ?? runFactorRules)(pack, org);
  applyCostAdjustment(org, options.orgCost ?? null);
  const nC = pack.criteria.length;
  const mixAdjust = pack.portfolios.map((p) => {
    const out = Float64Array.from(p.penalty);
    if (p.mixed < 0) return out;
    const g = pack.decisions[p.decision]!.optionStart + p.mixed;
    for (let k = 0; k < nC; k++) out[k] = Math.round((out[k]! + org.adjust[g * nC + k]!) * 1e12) / 1e12;
    return out;
  });
  finishScores(pack, org);
  return { pack, roadmap, org, orgChosen, orgBaseNotApplicable: baseApplicability(pack, org), orgCost: options.orgCost ?? null, mixAdjust, useCases, options };
}

/** Scores every use case and the organisation by the rules: what no weighting changes. */
export function runRoadmap(pack: CompiledPack, roadmap: Roadmap, options: RunOptions = {}): RoadmapRun {
  const useCases = (pack.hasUseCases ? roadmap.useCases : []).map((input, i) => runUseCase(pack, roadmap, input, i, options));
  return runOrganisation(pack, roadmap, useCases, options);
}

/** Arrays for ranking a run under many weightings without allocating. */
export function createRanking(run: RoadmapRun): RoadmapRanking {
  const { pack } = run;
  const nD = pack.decisions.length;
  return {
    useCases: run.useCases.map((u) => ({
      sums: new Float64Array(pack.optionCount),
      scores: u.state.scores,
      excluded: u.state.excluded,
      notApplicable: new Uint8Array(nD),
      chosen: u.chosen,
      tops: new Int32Array(nD).fill(-1),
      ruleTops: new Int32Array(nD).fill(-1),
    })),
    org: {
      sums: new Float64Array(pack.optionCount),
      excluded: new Uint8Array(pack.optionCount),
      tops: new Int32Array(nD).fill(-1),
      notApplicable: new Uint8Array(nD),
      ruleTops: new Int32Array(nD).fill(-1),
    },
    portfolios: pack.portfolios.map((p) => createPortfolioScores(pack, p, run.useCases.length)),
    empty: new Uint8Array(nD),
    base: new Uint8Array(nD),
  };
}

function weightedSums(pack: CompiledPack, scores: Float64Array, weights: Float64Array, equal: boolean, decisions: readonly number[], out: Float64Array): void {
  const nC = weights.length;
  for (const di of decisions) {
    const d = pack.decisions[di]!;
    for (let o = 0; o < d.optionCount; o++) {
      const base = (d.optionStart + o) * nC;
      let sum = 0;
      if (equal) for (let k = 0; k < nC; k++) sum += scores[base + k]!;
      else for (let k = 0; k < nC; k++) sum += weights[k]! * scores[base + k]!;
      out[d.optionStart + o] = sum;
    }
  }
}

/** The top of a decision by weighted sum among options not excluded (ties: pack order), -1 when none. */
function topOf(pack: CompiledPack, decision: number, sums: Float64Array, excluded: Uint8Array): number {
  const d = pack.decisions[decision]!;
  let best = -1;
  let bestSum = -Infinity;
  for (let o = 0; o < d.optionCount; o++) {
    const g = d.optionStart + o;
    if (excluded[g] === 1) continue;
    if (sums[g]! > bestSum) {
      bestSum = sums[g]!;
      best = o;
    }
  }
  return best;
}

/** Applicability of one scope's decisions under the tops: factor-only marks, then the rules that read decisions, in order. */
function applyDecisionRules(
  rules: readonly CompiledRule[],
  decisions: readonly number[],
  values: Float64Array,
  tops: Int32Array,
  chosen: Int32Array,
  base: Uint8Array,
  notApplicable: Uint8Array,
  ruleTops: Int32Array,
): void {
  notApplicable.set(base);
  ruleTops.fill(-1);
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    ruleTops[d] = notApplicable[d] === 1 ? -1 : chosen[d]! >= 0 ? chosen[d]! : tops[d]!;
  }
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    if (rule.condition(values, ruleTops) !== TRUE) continue;
    const marks = rule.notApplicable;
    for (let m = 0; m < marks.length; m++) {
      notApplicable[marks[m]!.decision] = 1;
      ruleTops[marks[m]!.decision] = -1;
    }
  }
}

/** Decision indexes by scope, and the use-case decisions' option ranges as flat arrays for the hot loop. */
interface Layout {
  org: number[];
  useCase: number[];
  plainOrg: number[];
  ucDecision: Int32Array;
  ucStart: Int32Array;
  ucCount: Int32Array;
}

const layoutCache = new WeakMap<CompiledPack, Layout>();

function indexes(pack: CompiledPack): Layout {
  let cached = layoutCache.get(pack);
  if (!cached) {
    cached = {
      org: pack.organisationDecisions.map((d) => d.index),
      useCase: pack.useCaseDecisions.map((d) => d.index),
      plainOrg: pack.organisationDecisions.filter((d) => !pack.portfolioOf[d.index]).map((d) => d.index),
      ucDecision: Int32Array.from(pack.useCaseDecisions, (d) => d.index),
      ucStart: Int32Array.from(pack.useCaseDecisions, (d) => d.optionStart),
      ucCount: Int32Array.from(pack.useCaseDecisions, (d) => d.optionCount),
    };
    layoutCache.set(pack, cached);
  }
  return cached;
}

/** A use case's weighted sums and tops of its decisions, in one pass (ties: pack order; -1 when all are excluded). */
function rankUseCase(layout: Layout, scores: Float64Array, excluded: Uint8Array, weights: Float64Array, equal: boolean, sums: Float64Array, tops: Int32Array): void {
  const nC = weights.length;
  const { ucDecision, ucStart, ucCount } = layout;
  for (let t = 0; t < ucDecision.length; t++) {
    const start = ucStart[t]!;
    const end = start + ucCount[t]!;
    let best = -1;
    let bestSum = -Infinity;
    for (let g = start; g < end; g++) {
      const base = g * nC;
      let sum = 0;
      if (equal) for (let k = 0; k < nC; k++) sum += scores[base + k]!;
      else for (let k = 0; k < nC; k++) sum += weights[k]! * scores[base + k]!;
      sums[g] = sum;
      if (excluded[g] !== 1 && sum > bestSum) {
        bestSum = sum;
        best = g - start;
      }
    }
    tops[ucDecision[t]!] = best;
  }
}

/**
 * Ranks the roadmap under one weighting into `out`: each use case's tops and applicability, each derived
 * decision's portfolio, then the organisation's tops and applicability. Decisions that do not apply keep their
 * top in `tops` (what they would be) but read -1 in `ruleTops`. Without `vectors` the portfolios keep only what
 * ranking needs (rankPortfolio): no selections, no criterion scores.
 */
export function rankRoadmap(run: RoadmapRun, weights: Float64Array, out: RoadmapRanking, vectors = true): RoadmapRanking {
  const { pack } = run;
  const nC = weights.length;
  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  const equal = total <= 0;
  const idx = indexes(pack);
  const rules = decisionApplicabilityRules(pack);
  const useCases = run.useCases;
  for (let i = 0; i < useCases.length; i++) {
    const u = useCases[i]!;
    const view = out.useCases[i]!;
    rankUseCase(idx, u.state.scores, u.state.excluded, weights, equal, view.sums, view.tops);
    applyDecisionRules(rules.useCase, idx.useCase, u.state.values, view.tops, u.chosen, u.baseNotApplicable, view.notApplicable, view.ruleTops);
  }
  const org = out.org;
  org.excluded.set(run.org.excluded);
  weightedSums(pack, run.org.scores, weights, equal, idx.plainOrg, org.sums);
  const { empty, base } = out;
  empty.fill(0);
  const portfolios = pack.portfolios;
  for (let i = 0; i < portfolios.length; i++) {
    const p = portfolios[i]!;
    const scores = out.portfolios[i]!;
    if (vectors) scorePortfolio(pack, p, out.useCases, weights, scores, run.mixAdjust[i]!);
    else rankPortfolio(pack, p, out.useCases, weights, scores, run.mixAdjust[i]!);
    const d = pack.decisions[p.decision]!;
    for (let o = 0; o < d.optionCount; o++) {
      org.sums[d.optionStart + o] = scores.sums[o]!;
      org.excluded[d.optionStart + o] = scores.excluded[o]!;
    }
    if (scores.empty) empty[p.decision] = 1;
  }
  for (const d of idx.org) org.tops[d] = topOf(pack, d, org.sums, org.excluded);
  for (let d = 0; d < base.length; d++) base[d] = run.orgBaseNotApplicable[d]! | empty[d]!;
  applyDecisionRules(rules.org, idx.org, run.org.values, org.tops, run.orgChosen, base, org.notApplicable, org.ruleTops);
  return out;
}

/** Re-runs the rules that read decisions on a state (risks and applicability) with `chosen` as what they read. */
export function settleDecisionRules(pack: CompiledPack, state: RuleState, weights: Float64Array, chosen: Int32Array): void {
  setRoomChoices(state, chosen);
  runDecisionRules(pack, state, weights);
}
