import { resolveWeights, type Answers, type WeightsInput } from './answers';
import type { CompiledPack } from './compiled-pack';
import { costAdjustment } from './cost-criterion';
import { scoreAnswers, scratchState, type ScoringOptions } from './evaluate';
import type { FlipPoint } from './evaluation';
import { computeFlipPoints } from './flip-points';
import { WEIGHT_MAX } from './pack-schema';
import { roomChoiceIndexes, topOption } from './rule-state';

/** Each option's score as one criterion's weight sweeps a range, the others held fixed: data for a sensitivity chart. */
export interface SensitivitySweep {
  decision: string;
  criterion: string;
  /** The weight values swept, evenly spaced from 0 to `max`. */
  weights: number[];
  options: Array<{ option: string; excluded: boolean; scores: number[] }>;
  /** The exact flip points for this criterion (null when every option is excluded). */
  flipPoint: FlipPoint | null;
}

/**
 * Sweeps one criterion's weight from 0 to `max` (default 5) in `steps` points (default 51) for one decision;
 * with `costAssumptions` and `decided`, scored as evaluate scores it (the room's choices move no score today,
 * only what reads a decision, but the sweep runs the same rules evaluate runs).
 */
export function sensitivitySweep(
  pack: CompiledPack,
  answers: Answers,
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
  const cost = options.costAssumptions ? costAdjustment(pack, answers, options.costAssumptions) : null;
  const state = scoreAnswers(pack, answers, w, scratchState(pack), cost, roomChoiceIndexes(pack, options.decided));
  const decision = pack.decisions[d]!;
  const nC = w.length;
  const xs = Array.from({ length: steps }, (_, i) => (max * i) / (steps - 1));
  const series = decision.decision.options.map((option, o) => {
    const g = decision.optionStart + o;
    const scores = xs.map((x) => {
      let sum = 0;
      let total = 0;
      for (let c = 0; c < nC; c++) {
        const wc = c === k ? x : w[c]!;
        sum += wc * state.scores[g * nC + c]!;
        total += wc;
      }
      if (total === 0) {
        for (let c = 0; c < nC; c++) sum += state.scores[g * nC + c]!;
        return sum / nC;
      }
      return sum / total;
    });
    return { option: option.id, excluded: state.excluded[g] === 1, scores };
  });
  const top = topOption(pack, state, d, w);
  const flipPoint = top < 0 ? null : computeFlipPoints(pack, state, d, w, top)[k]!;
  return { decision: decisionId, criterion: criterionId, weights: xs, options: series, flipPoint };
}
