import { resolveWeights, type Answers, type WeightsInput } from './answers';
import type { CompiledPack } from './compiled-pack';
import { costAdjustment } from './cost-criterion';
import { scoreAnswers, scratchState, type ScoringOptions } from './evaluate';
import { roomChoiceIndexes, runDecisionRules, type RuleState } from './rule-state';
import { optionScores, rankedOptions } from './weighted-scores';

/** Someone in the room and the weights they gave (criteria they left out take the workshop weights). */
export interface StakeholderWeights {
  name: string;
  role?: string;
  weights: Readonly<Record<string, number>>;
}

/** One weighting's recommendation and ranking for a decision. */
export interface DecisionRanking {
  decision: string;
  applicable: boolean;
  recommended: string | null;
  /** Option ids best first; excluded options last. */
  ranking: string[];
}

export interface StakeholderRanking {
  name: string;
  role: string | null;
  weights: Array<{ criterion: string; weight: number }>;
  decisions: DecisionRanking[];
}

/** How far the room agrees on one decision. */
export interface DecisionAgreement {
  decision: string;
  /** Kendall's coefficient of concordance of the stakeholders' rankings, 0 (none) to 1 (identical). */
  kendallW: number;
  /** Share of stakeholders whose own recommendation is the group's. */
  topShare: number;
}

/** How far the room's weights differ on one criterion. */
export interface CriterionSpread {
  criterion: string;
  min: number;
  max: number;
  /** max − min on the 0..5 scale: where the conversation should start. */
  spread: number;
}

export interface StakeholderAnalysis {
  /** Geometric mean of the stakeholders' weights per criterion (a single 0 weighs the criterion out). */
  groupWeights: Array<{ criterion: string; weight: number }>;
  group: DecisionRanking[];
  stakeholders: StakeholderRanking[];
  agreement: {
    /** Mean Kendall's W over the decisions that apply to the group and have two or more options left. */
    index: number;
    decisions: DecisionAgreement[];
    criteria: CriterionSpread[];
  };
}

/** Geometric mean of each criterion's weight across weightings (the usual aggregate of individual priorities). */
export function geometricMeanWeights(weightings: readonly Float64Array[], nC: number): Float64Array {
  const out = new Float64Array(nC);
  if (weightings.length === 0) return out;
  for (let k = 0; k < nC; k++) {
    let logSum = 0;
    let zero = false;
    for (const w of weightings) {
      const x = w[k]!;
      if (x <= 0) {
        zero = true;
        break;
      }
      logSum += Math.log(x);
    }
    out[k] = zero ? 0 : Math.exp(logSum / weightings.length);
  }
  return out;
}

function rankingsFor(pack: CompiledPack, state: RuleState, weights: Float64Array, scores: Float64Array): DecisionRanking[] {
  runDecisionRules(pack, state, weights);
  optionScores(pack, state, weights, scores);
  return pack.decisions.map((d) => {
    const order = rankedOptions(pack, state, d.index, scores);
    const applicable = state.notApplicable[d.index] !== 1;
    const first = order[0]!;
    const top = state.excluded[d.optionStart + first] === 1 ? null : d.decision.options[first]!.id;
    return { decision: d.id, applicable, recommended: applicable ? top : null, ranking: order.map((o) => d.decision.options[o]!.id) };
  });
}

/** Kendall's W for m rankers over the same n items (rank positions per ranker). */
export function kendallW(ranks: readonly number[][]): number {
  const m = ranks.length;
  const n = ranks[0]?.length ?? 0;
  if (m < 2 || n < 2) return 1;
  const totals = new Array<number>(n).fill(0);
  for (const r of ranks) for (let i = 0; i < n; i++) totals[i]! += r[i]!;
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (const t of totals) s += (t - mean) ** 2;
  return (12 * s) / (m * m * (n ** 3 - n));
}

/**
 * Each stakeholder's ranking, the group ranking from the geometric mean of their weights, and how far they agree;
 * with `costAssumptions`, scored with the cost model as evaluate scores it; with `decided`, the room's choices
 * settle what depends on a decision (see EvaluateOptions.decided).
 */
export function stakeholderRankings(
  pack: CompiledPack,
  answers: Answers,
  stakeholders: readonly StakeholderWeights[],
  workshopWeights?: WeightsInput,
  options: ScoringOptions = {},
): StakeholderAnalysis {
  const nC = pack.criteria.length;
  const base = resolveWeights(pack, workshopWeights);
  const cost = options.costAssumptions ? costAdjustment(pack, answers, options.costAssumptions) : null;
  const state = scoreAnswers(pack, answers, base, scratchState(pack), cost, roomChoiceIndexes(pack, options.decided));
  const scores = new Float64Array(pack.optionCount);
  const individual = stakeholders.map((s) => resolveWeights(pack, s.weights, base));
  const group = individual.length > 0 ? geometricMeanWeights(individual, nC) : base;
  const toList = (w: Float64Array) => pack.criteria.map((c, k) => ({ criterion: c.id, weight: w[k]! }));

  const rankings: StakeholderRanking[] = stakeholders.map((s, i) => ({
    name: s.name,
    role: s.role ?? null,
    weights: toList(individual[i]!),
    decisions: rankingsFor(pack, state, individual[i]!, scores),
  }));
  const groupRankings = rankingsFor(pack, state, group, scores);

  const decisions: DecisionAgreement[] = pack.decisions.map((d, di) => {
    const live = d.decision.options.map((o) => o.id).filter((_, o) => state.excluded[d.optionStart + o] !== 1);
    const ranks = rankings.map((r) => {
      const order = r.decisions[di]!.ranking.filter((id) => live.includes(id));
      return live.map((id) => order.indexOf(id) + 1);
    });
    const groupTop = groupRankings[di]!.recommended;
    const agreeing = rankings.filter((r) => r.decisions[di]!.recommended === groupTop).length;
    return { decision: d.id, kendallW: kendallW(ranks), topShare: rankings.length === 0 ? 1 : agreeing / rankings.length };
  });
  const counted = decisions.filter((a, di) => groupRankings[di]!.applicable && pack.decisions[di]!.decision.options.filter((_, o) => state.excluded[pack.decisions[di]!.optionStart + o] !== 1).length >= 2 && a);
  const index = counted.length === 0 ? 1 : counted.reduce((sum, a) => sum + a.kendallW, 0) / counted.length;

  const criteria: CriterionSpread[] = pack.criteria.map((c, k) => {
    const values = individual.length > 0 ? individual.map((w) => w[k]!) : [base[k]!];
    const min = Math.min(...values);
    const max = Math.max(...values);
    return { criterion: c.id, min, max, spread: max - min };
  });
  return { groupWeights: toList(group), group: groupRankings, stakeholders: rankings, agreement: { index, decisions, criteria } };
}
