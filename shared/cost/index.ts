// The FinOps cost model: pure functions, no I/O. Formulas and assumptions: ./README.md.
export { DEPLOYMENT_OPTIONS, type DeploymentOption, type OptionTotals } from './deployment-option';
export {
  COST_ASSUMPTION_INFO,
  CostAssumptionsSchema,
  DEFAULT_COST_ASSUMPTIONS,
  type CostAssumptionInfo,
  type CostAssumptionKey,
  type CostAssumptions,
} from './cost-assumptions';
export { parseCostAssumptions, describeAllowedAssumption, type CostAssumptionsResult } from './parse-cost-assumptions';
export type { CostIssue } from './cost-issue';
export {
  COST_INPUT_NAMES,
  GB_PER_TB,
  HOURS_PER_MONTH,
  INTERRUPTIBLE_SHARE,
  MIN_UTILIZATION,
  UTILIZATION_IF_UNKNOWN,
  type CostInputName,
  type CostInputs,
  type InterruptionTolerance,
} from './cost-inputs';
export { resolveWorkload, scaleWorkload, type ResolvedWorkload, type Workload } from './workload';
export { breakdownTotal, type CostBreakdown } from './cost-breakdown';
export { amortizedHardwarePerAccelerator, fleetSize, ownedCostPerBusyHour } from './fleet-size';
export { cloudCost, cloudTrainingCost, type CloudPricing } from './cloud-cost';
export { onPremisesCost, type OwnedFleetCost } from './on-premises-cost';
export { hybridCost } from './hybrid-cost';
export { priceWorkload, type OwnedAccelerators, type PricedWorkload } from './price-workload';
export { breakevenUtilization, rentedCostPerHour } from './breakeven';
export { cheapestOption } from './cheapest-option';
export { budgetStatus, checkBudget, type BudgetCheck, type BudgetStatus, type OptionBudget } from './budget-status';
export { estimateCost, type CostEstimate, type ScaleLevel } from './estimate-cost';
export { costCurve, DEFAULT_CURVE_RANGE, type CostCurve, type CostCurvePoint, type CostCurveRange } from './cost-curve';
export { pilotToProduction, type PilotToProductionSeries, type ScalePoint } from './pilot-to-production';
export { costSignals, type CostSignal, type CostSignalOptions } from './cost-signals';
export { formatNumber, formatPercent, formatUsd } from './format-number';
