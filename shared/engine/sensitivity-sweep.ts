import { resolveWeights, type Answers, type WeightsInput } from './answers';
import type { CompiledPack } from './compiled-pack';
import { prepareRoadmap, type ScoringOptions } from './evaluate';
import type { FlipPoint } from './evaluation';
import { computeFlipPoints } from './flip-points';
import { WEIGHT_MAX } from './pack-schema';
import { derivedFlipPoints } from './roadmap/derived-flip-points';
import type { Roadmap } from './roadmap/roadmap-input';
import { createRanking, rankRoadmap } from './roadmap/roadmap-run';

/** Each option's score as one criterion's weight sweeps a range, the others held fixed: data for a sensitivity chart. */
export interface SensitivitySweep {
  decision: string;
  criterion: string;
  /** The weight values swept, evenly spaced from 0 to `max`. */
  weights: number[];
  /**
   * Each option's score at each weight, null where the option is out of reach at that weight (a decision derived
   * from the use cases: no placement of them gives it there); `excluded` as at the current weights.
   */
  options: Array<{ option: string; excluded: boolean; scores: Array<number | null> }>;
  /** The exact flip points for this criterion (null when every option is excluded). */
  flipPoint: FlipPoint | null;
}

/**
 * Sweeps one criterion's weight from 0 to `max` (default 5) in `steps` points (default 51) for one organisation
 * decision, scored as evaluate scores it (the cost model, the room's choices, and for a decision derived from
 * the use cases, its portfolio re-derived at every point).
 */
export function sensitivitySweep(
  pack: CompiledPack,
  input: Roadmap | Answers,
  weights: WeightsInput | undefined,
  decisionId: string,
  criterionId: string,
  options: ScoringOptions & { steps?: number; max?: number } = {},
): SensitivitySweep {
  const d = pack.decisionIndex.get(decisionId);
  const k = pack.criterionIndex.get(criterionId);
  if (d === undefined) throw new Error(`Unknown decision "${decisionId}"`);
  if (k === undefined) throw new Error(`Unknown criterion "${criterionId}"`);
  const steps = Math.max(2, Math.floor(options.steps ?? 51));
  const max = options.max ?? WEIGHT_MAX;
  const w = resolveWeights(pack, weights);
  const run = prepareRoadmap(pack, input, options);
  const ranking = createRanking(run);
  const decision = pack.decisions[d]!;
  const nC = w.length;
  const xs = Array.from({ length: steps }, (_, i) => (max * i) / (steps - 1));
  const series = decision.decision.options.map(() => [] as Array<number | null>);
  const at = new Float64Array(w);
  for (const x of xs) {
    at[k] = x;
    rankRoadmap(run, at, ranking);
    let total = 0;
    for (let c = 0; c < nC; c++) total += at[c]!;
    for (let o = 0; o < decision.optionCount; o++) {
      const g = decision.optionStart + o;
      series[o]!.push(ranking.org.excluded[g] === 1 ? null : ranking.org.sums[g]! / (total > 0 ? total : nC));
    }
  }
  rankRoadmap(run, w, ranking);
  const top = ranking.org.tops[d]!;
  const flipPoint = top < 0 ? null : (pack.portfolioOf[d] ? derivedFlipPoints(run, d, w, top) : computeFlipPoints(pack, run.org, d, w, top))[k]!;
  return {
    decision: decisionId,
    criterion: criterionId,
    weights: xs,
    options: decision.decision.options.map((option, o) => ({ option: option.id, excluded: ranking.org.excluded[decision.optionStart + o] === 1, scores: series[o]! })),
    flipPoint,
  };
}
