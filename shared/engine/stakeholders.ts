import { resolveWeights, type Answers, type WeightsInput } from './answers';
import type { CompiledPack } from './compiled-pack';
import { prepareRoadmap, type ScoringOptions } from './evaluate';
import type { Roadmap } from './roadmap/roadmap-input';
import { createRanking, rankRoadmap, type RoadmapRanking, type RoadmapRun } from './roadmap/roadmap-run';

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

/** Each organisation decision's recommendation and ranking under one weighting of a scored roadmap. */
function rankingsFor(pack: CompiledPack, run: RoadmapRun, weights: Float64Array, scratch: RoadmapRanking): DecisionRanking[] {
  const ranking = rankRoadmap(run, weights, scratch);
  const { sums, excluded, tops, notApplicable } = ranking.org;
  return pack.organisationDecisions.map((d) => {
    const order = Array.from({ length: d.optionCount }, (_, o) => o);
    order.sort((a, b) => excluded[d.optionStart + a]! - excluded[d.optionStart + b]! || sums[d.optionStart + b]! - sums[d.optionStart + a]! || a - b);
    const applicable = notApplicable[d.index] !== 1;
    const top = tops[d.index]!;
    return { decision: d.id, applicable, recommended: applicable && top >= 0 ? d.decision.options[top]!.id : null, ranking: order.map((o) => d.decision.options[o]!.id) };
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
 * Each stakeholder's ranking of the organisation's decisions, the group ranking from the geometric mean of their
 * weights, and how far they agree;
 * with `costAssumptions`, scored with the cost model as evaluate scores it; with `decided`, the room's choices
 * settle what depends on a decision (see EvaluateOptions.decided).
 */
export function stakeholderRankings(
  pack: CompiledPack,
  input: Roadmap | Answers,
  stakeholders: readonly StakeholderWeights[],
  workshopWeights?: WeightsInput,
  options: ScoringOptions = {},
): StakeholderAnalysis {
  const nC = pack.criteria.length;
  const base = resolveWeights(pack, workshopWeights);
  const run = prepareRoadmap(pack, input, options);
  const scratch = createRanking(run);
  const individual = stakeholders.map((s) => resolveWeights(pack, s.weights, base));
  const group = individual.length > 0 ? geometricMeanWeights(individual, nC) : base;
  const toList = (w: Float64Array) => pack.criteria.map((c, k) => ({ criterion: c.id, weight: w[k]! }));

  const rankings: StakeholderRanking[] = stakeholders.map((s, i) => ({
    name: s.name,
    role: s.role ?? null,
    weights: toList(individual[i]!),
    decisions: rankingsFor(pack, run, individual[i]!, scratch),
  }));
  const groupRankings = rankingsFor(pack, run, group, scratch);
  // Exclusions as the group's weighting leaves them (a derived decision's can move with the weights).
  const excluded = rankRoadmap(run, group, scratch).org.excluded.slice();

  const decisions: DecisionAgreement[] = pack.organisationDecisions.map((d, di) => {
    const live = d.decision.options.map((o) => o.id).filter((_, o) => excluded[d.optionStart + o] !== 1);
    const ranks = rankings.map((r) => {
      const order = r.decisions[di]!.ranking.filter((id) => live.includes(id));
      return live.map((id) => order.indexOf(id) + 1);
    });
    const groupTop = groupRankings[di]!.recommended;
    const agreeing = rankings.filter((r) => r.decisions[di]!.recommended === groupTop).length;
    return { decision: d.id, kendallW: kendallW(ranks), topShare: rankings.length === 0 ? 1 : agreeing / rankings.length };
  });
  const counted = decisions.filter((a, di) => {
    const d = pack.organisationDecisions[di]!;
    return groupRankings[di]!.applicable && d.decision.options.filter((_, o) => excluded[d.optionStart + o] !== 1).length >= 2 && a;
  });
  const index = counted.length === 0 ? 1 : counted.reduce((sum, a) => sum + a.kendallW, 0) / counted.length;

  const criteria: CriterionSpread[] = pack.criteria.map((c, k) => {
    // A loop, not Math.min(...values): a file may list more stakeholders than a call takes arguments.
    let min = Infinity;
    let max = -Infinity;
    for (const w of individual.length > 0 ? individual : [base]) {
      min = Math.min(min, w[k]!);
      max = Math.max(max, w[k]!);
    }
    return { criterion: c.id, min, max, spread: max - min };
  });
  return { groupWeights: toList(group), group: groupRankings, stakeholders: rankings, agreement: { index, decisions, criteria } };
}
