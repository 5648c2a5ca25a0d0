import { budgetStatus, type BudgetStatus } from './budget-status';
import { DEFAULT_COST_ASSUMPTIONS, type CostAssumptions } from './cost-assumptions';
import type { CostInputs } from './cost-inputs';
import { DEPLOYMENT_OPTIONS, type DeploymentOption, type OptionTotals } from './deployment-option';
import { priceWorkload } from './price-workload';
import { resolveWorkload, scaleWorkload } from './workload';

/** Monthly cost of each option at one volume between pilot and production. */
export interface ScalePoint {
  /** Volume as a multiple of the pilot's (1 = pilot, pilotToProductionScale = production). */
  volumeFactor: number;
  monthly: OptionTotals;
  cloudOnDemand: number;
  budget: Record<DeploymentOption, BudgetStatus>;
}

/** The pilot-to-production series, with the budget line to draw. */
export interface PilotToProductionSeries {
  points: ScalePoint[];
  monthlyBudget: number | null;
}

/**
 * Monthly cost of each option as volume grows from the pilot (factor 1) to production (pilotToProductionScale),
 * in `steps` equal intervals (clamped to 1..1,000; default 10). Owned fleets grow in whole accelerators.
 */
export function pilotToProduction(
  inputs: CostInputs,
  assumptions: CostAssumptions = DEFAULT_COST_ASSUMPTIONS,
  options: { steps?: number } = {},
): PilotToProductionSeries {
  const { workload } = resolveWorkload(inputs, assumptions);
  const steps = options.steps === undefined || !Number.isFinite(options.steps) ? 10 : Math.min(1_000, Math.max(1, Math.round(options.steps)));
  const last = assumptions.pilotToProductionScale;
  const points: ScalePoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const volumeFactor = i === steps ? last : 1 + ((last - 1) * i) / steps;
    const priced = priceWorkload(scaleWorkload(workload, volumeFactor), assumptions);
    const budget = {} as Record<DeploymentOption, BudgetStatus>;
    for (const option of DEPLOYMENT_OPTIONS) budget[option] = budgetStatus(priced.monthly[option], assumptions.monthlyBudget);
    points.push({ volumeFactor, monthly: priced.monthly, cloudOnDemand: priced.cloudOnDemand.monthly, budget });
  }
  return { points, monthlyBudget: assumptions.monthlyBudget };
}
