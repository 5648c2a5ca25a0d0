// The FinOps cost model: pure functions, no I/O. Formulas and assumptions: ./README.md.
export { DEPLOYMENT_OPTIONS, type DeploymentOption, type OptionTotals } from './deployment-option';
export {
  COST_ASSUMPTION_INFO,
  DEFAULT_COST_ASSUMPTIONS,
  convertedAmount,
  costAssumptionInfoIn,
  costAssumptionsSchema,
  defaultCostAssumptions,
  type CostAssumptionInfo,
  type CostAssumptionKey,
  type CostAssumptions,
} from './cost-assumptions';
export { parseCostAssumptions, describeAllowedAssumption, moneyContextOf, type CostAssumptionsResult } from './parse-cost-assumptions';
export { CURRENCIES, CURRENCY_CODES, DEFAULT_CURRENCY, USD_CONTEXT, isCurrencyCode, moneyFields, type CurrencyCode, type CurrencyInfo, type MoneyContext } from './currency';
export { withCurrency } from './with-currency';
export type { CostIssue } from './cost-issue';
export {
  GB_PER_TB,
  HOURS_PER_MONTH,
  INTERRUPTIBLE_SHARE,
  MIN_UTILIZATION,
  ORGANISATION_COST_FACTORS,
  SOURCINGS,
  TASKS,
  TASK_THROUGHPUT,
  USE_CASE_COST_FACTORS,
  UTILIZATION_IF_UNKNOWN,
  organisationCostInput,
  useCaseCostInput,
  type CostRoadmap,
  type InterruptionTolerance,
  type OrganisationCostInput,
  type Placement,
  type ServingPlace,
  type Sourcing,
  type Task,
  type TrainingPlace,
  type UseCaseCostInput,
} from './roadmap-inputs';
export { resolveRoadmap, type ResolvedRoadmap, type ResolvedUseCase } from './resolve-roadmap';
export { addBreakdown, breakdownTotal, emptyBreakdown, type CostBreakdown } from './cost-breakdown';
export { amortizedHardwarePerAccelerator, fleetSize, ownedCostPerBusyHour } from './fleet-size';
export { cloudTrainingCost, priceRoadmap, servesItself, trainsItself, type CloudPricing, type OwnedAccelerators, type PricedRoadmap, type PricedUseCase, type VolumeLevel } from './price-roadmap';
export { allCloud, allOwned, breakevenUtilization } from './breakeven';
export { cheapestOption, cheapestOptions } from './cheapest-option';
export { budgetStatus, checkBudget, type BudgetCheck, type BudgetStatus, type OptionBudget } from './budget-status';
export { estimateCost, type CostEstimate, type ScaleLevel } from './estimate-cost';
export { costCurve, DEFAULT_CURVE_RANGE, type CostCurve, type CostCurvePoint, type CostCurveRange } from './cost-curve';
export { pilotToProduction, type PilotToProductionSeries, type ScalePoint } from './pilot-to-production';
export { placementCosts, type PlacementCosts } from './placement-costs';
export { API_TASKS, sourcingCosts, type AllowedPlaces, type SourcingCost, type SourcingCosts } from './sourcing-costs';
export { compactNumber, formatAmount, formatMoney, formatNumber, formatPercent } from './format-number';
