import { budgetStatus, type BudgetStatus } from './budget-status';
import type { CostAssumptions } from './cost-assumptions';
import { DEPLOYMENT_OPTIONS, type DeploymentOption, type OptionTotals } from './deployment-option';
import { priceRoadmap } from './price-roadmap';
import type { CostRoadmap } from './roadmap-inputs';
import { resolveRoadmap } from './resolve-roadmap';

/** Monthly cost of each option at one point between the pilot and production. */
export interface ScalePoint {
  /** 0 = every use case at today's volume, 1 = every use case at its production volume. */
  progress: number;
  /** Requests a month over the roadmap at this point. */
  requests: number;
  monthly: OptionTotals;
  budget: Record<DeploymentOption, BudgetStatus>;
}

/** The pilot-to-production series, with the budget line to draw. */
export interface PilotToProductionSeries {
  points: ScalePoint[];
  monthlyBudget: number | null;
}

/**
 * Monthly cost of each option as every use case grows from its volume now to its production volume, in `steps`
 * equal intervals (clamped to 1..1,000; default 10). Owned fleets grow in whole accelerators.
 */
export function pilotToProduction(roadmap: CostRoadmap, assumptions: CostAssumptions, options: { steps?: number } = {}): PilotToProductionSeries {
  const resolved = resolveRoadmap(roadmap.organisation, roadmap.useCases, assumptions);
  const steps = options.steps === undefined || !Number.isFinite(options.steps) ? 10 : Math.min(1_000, Math.max(1, Math.round(options.steps)));
  const points: ScalePoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const progress = i / steps;
    const scale = (u: { requests: { pilot: number; production: number } }) => u.requests.pilot + (u.requests.production - u.requests.pilot) * progress;
    const monthly = {} as OptionTotals;
    const budget = {} as Record<DeploymentOption, BudgetStatus>;
    for (const option of DEPLOYMENT_OPTIONS) {
      monthly[option] = priceRoadmap(resolved, roadmap.placements[option], 'production', assumptions, { scale }).monthly;
      budget[option] = budgetStatus(monthly[option], assumptions.monthlyBudget);
    }
    points.push({ progress, requests: resolved.useCases.reduce((s, u) => s + scale(u), 0), monthly, budget });
  }
  return { points, monthlyBudget: assumptions.monthlyBudget };
}
