import { breakevenUtilization } from './breakeven';
import { checkBudget, type BudgetCheck } from './budget-status';
import { DEFAULT_COST_ASSUMPTIONS, type CostAssumptions } from './cost-assumptions';
import { DEPLOYMENT_OPTIONS, type DeploymentOption, type OptionTotals } from './deployment-option';
import { priceRoadmap, type PricedRoadmap, type VolumeLevel } from './price-roadmap';
import type { CostRoadmap } from './roadmap-inputs';
import { resolveRoadmap, type ResolvedRoadmap } from './resolve-roadmap';

/** Every deployment option priced at one volume. */
export interface ScaleLevel {
  level: VolumeLevel;
  /** Each option: its total, breakdown, owned accelerators and each use case's share. */
  options: Record<DeploymentOption, PricedRoadmap>;
  monthly: OptionTotals;
  /** The cloud option with every hour on demand (no spot). */
  cloudOnDemand: number;
  budget: BudgetCheck;
}

/** The cost model's answer for a roadmap. All amounts are USD per month, unrounded. */
export interface CostEstimate {
  assumptions: CostAssumptions;
  /** The load the prices apply to: utilization, spare accelerators, egress and each use case's volumes. */
  roadmap: ResolvedRoadmap;
  pilot: ScaleLevel;
  production: ScaleLevel;
  /** Sustained utilization above which owning the self-hosted work beats renting it (production volume), or null. */
  breakevenUtilization: number | null;
  /** What spot capacity saves the cloud option at production volume (cloud on demand − cloud). */
  spotSavings: number;
  /** Sentences for a person about every answer that was missing or unusable and what was taken instead. */
  notes: string[];
}

function level(resolved: ResolvedRoadmap, roadmap: CostRoadmap, at: VolumeLevel, a: CostAssumptions): ScaleLevel {
  const options = {} as Record<DeploymentOption, PricedRoadmap>;
  const monthly = {} as OptionTotals;
  for (const option of DEPLOYMENT_OPTIONS) {
    options[option] = priceRoadmap(resolved, roadmap.placements[option], at, a);
    monthly[option] = options[option].monthly;
  }
  const cloudOnDemand = priceRoadmap(resolved, roadmap.placements.cloud, at, a, { pricing: 'on-demand' }).monthly;
  return { level: at, options, monthly, cloudOnDemand, budget: checkBudget(monthly, a.monthlyBudget) };
}

/**
 * The monthly cost of the roadmap under each deployment option (every use case where that option places it), at
 * the pilot volume (requests now) and the production volume the room gave, with breakdowns, the breakeven
 * utilization and the budget status. Pure and deterministic; the formulas are in shared/cost/README.md.
 */
export function estimateCost(roadmap: CostRoadmap, assumptions: CostAssumptions = DEFAULT_COST_ASSUMPTIONS): CostEstimate {
  const resolved = resolveRoadmap(roadmap.organisation, roadmap.useCases, assumptions);
  const pilot = level(resolved, roadmap, 'pilot', assumptions);
  const production = level(resolved, roadmap, 'production', assumptions);
  return {
    assumptions: { ...assumptions },
    roadmap: resolved,
    pilot,
    production,
    breakevenUtilization: breakevenUtilization(resolved, assumptions),
    spotSavings: production.cloudOnDemand - production.monthly.cloud,
    notes: resolved.notes,
  };
}
