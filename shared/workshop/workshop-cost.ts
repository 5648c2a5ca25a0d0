import {
  DEPLOYMENT_OPTIONS,
  estimateCost,
  organisationCostInput,
  useCaseCostInput,
  type CostAssumptions,
  type CostEstimate,
  type CostRoadmap,
  type DeploymentOption,
  type Placement,
  type ServingPlace,
  type TrainingPlace,
} from '../cost';
import { nameOfUseCase, type WorkshopState } from '../domain';
import type { Evaluation } from '../engine';

/** The decisions the cost model reads: the organisation's deployment, and each use case's placements and sourcing. */
export const COST_DECISION = 'deployment';
export const SERVING_PLACEMENT_DECISION = 'serving-placement';
export const TRAINING_PLACEMENT_DECISION = 'training-placement';
export const SOURCING_DECISION = 'sourcing';

const SERVING: readonly string[] = ['cloud', 'on-premises', 'edge'];
const TRAINING: readonly string[] = ['cloud', 'on-premises'];

/**
 * The cost model's estimate for a workshop: every use case priced where each deployment option places it (the
 * deployment decision's portfolio), sourced as the evaluation settled it. Null when there is nothing to price: no
 * use case, no deployment derived from them, or no volume and no training answered anywhere. Pass the evaluation
 * and assumptions evaluateWorkshop gave, so records and screens price alike.
 */
export function workshopCost(state: WorkshopState, evaluation: Pick<Evaluation, 'decisions' | 'useCases'>, assumptions: CostAssumptions): CostEstimate | null {
  const roadmap = workshopCostRoadmap(state, evaluation);
  return roadmap ? estimateCost(roadmap, assumptions) : null;
}

/** What the cost model prices for a workshop (see workshopCost), or null when there is nothing to price. */
export function workshopCostRoadmap(state: WorkshopState, evaluation: Pick<Evaluation, 'decisions' | 'useCases'>): CostRoadmap | null {
  const deployment = evaluation.decisions.find((d) => d.id === COST_DECISION);
  if (!deployment?.portfolio || state.useCases.length === 0) return null;
  const volume = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const anything = state.useCases.some((u) => volume(u.answers.requestsPerMonthNow) || volume(u.answers.requestsPerMonthInProduction) || volume(u.answers.monthlyTrainingGpuHours));
  if (!anything) return null;
  const placements = {} as Record<DeploymentOption, Placement[]>;
  for (const option of DEPLOYMENT_OPTIONS) {
    const rows = deployment.portfolio.byOption.find((o) => o.option === option)?.useCases ?? [];
    placements[option] = state.useCases.map((u) => {
      const parts = rows.find((r) => r.useCase === u.id)?.parts ?? [];
      const serving = parts.find((p) => p.decision === SERVING_PLACEMENT_DECISION)?.option ?? null;
      const training = parts.find((p) => p.decision === TRAINING_PLACEMENT_DECISION)?.option ?? null;
      return {
        serving: serving !== null && SERVING.includes(serving) ? (serving as ServingPlace) : null,
        training: training !== null && TRAINING.includes(training) ? (training as TrainingPlace) : null,
      };
    });
  }
  const useCases = state.useCases.map((u) => {
    const sourcing = evaluation.useCases.find((e) => e.id === u.id)?.outcomes.find((o) => o.decision === SOURCING_DECISION)?.option ?? null;
    return useCaseCostInput(u.id, nameOfUseCase(u), u.answers, sourcing);
  });
  return { organisation: organisationCostInput(state.answers), useCases, placements };
}
