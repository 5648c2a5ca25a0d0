import { COST_INPUT_NAMES, estimateCost, parseCostAssumptions, type CostAssumptions, type CostEstimate, type CostInputs } from '../cost';
import type { WorkshopState } from '../domain';

// Without both volumes the cost model has nothing to price: records then leave cost out rather than print zeros.
const VOLUMES = ['monthlyTrainingGpuHours', 'monthlyInferenceRequests'] as const;

/**
 * The cost model's estimate for a workshop, or null while a volume is unanswered (or the assumptions are unusable).
 * Pass the assumptions the evaluation used (evaluateWorkshop's) so the records and the scores price alike.
 */
export function workshopCost(state: WorkshopState, assumptions?: CostAssumptions): CostEstimate | null {
  const answered = VOLUMES.every((name) => {
    const value = state.answers[name];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0;
  });
  if (!answered) return null;
  const read = assumptions ? { ok: true as const, value: assumptions } : parseCostAssumptions(state.costAssumptions);
  if (!read.ok) return null;
  const inputs: Record<string, unknown> = {};
  for (const name of COST_INPUT_NAMES) {
    const value = state.answers[name];
    if (value !== undefined) inputs[name] = value;
  }
  return estimateCost(inputs as CostInputs, read.value);
}
