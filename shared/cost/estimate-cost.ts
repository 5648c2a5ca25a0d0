import { breakevenUtilization } from './breakeven';
import { checkBudget, type BudgetCheck } from './budget-status';
import { DEFAULT_COST_ASSUMPTIONS, type CostAssumptions } from './cost-assumptions';
import type { CostInputName, CostInputs } from './cost-inputs';
import type { CostIssue } from './cost-issue';
import type { OptionTotals } from './deployment-option';
import { priceWorkload, type OwnedAccelerators, type PricedWorkload } from './price-workload';
import { resolveWorkload, scaleWorkload, type Workload } from './workload';

/** The monthly cost of every option at one volume. */
export interface ScaleLevel {
  /** Volume as a multiple of the answers' volume: 1 for the pilot, pilotToProductionScale for production. */
  volumeFactor: number;
  monthly: OptionTotals;
  /** Everything in the cloud, all on demand. */
  cloudOnDemand: number;
  accelerators: OwnedAccelerators;
  budget: BudgetCheck;
}

/** The cost model's answer for one workshop. All amounts are USD per month, unrounded. */
export interface CostEstimate extends PricedWorkload {
  /** Cloud on demand minus cloud with spot: what spot saves on the interruptible training. */
  spotSavings: number;
  /** The resolved load the prices apply to (pilot volume). */
  workload: Workload;
  /** Sustained utilization above which owning beats renting (0..1), or null when owning never wins. */
  breakevenUtilization: number | null;
  scale: { pilot: ScaleLevel; production: ScaleLevel };
  /** The pilot-volume totals against the monthly budget (production has its own in `scale`). */
  budget: BudgetCheck;
  assumptions: CostAssumptions;
  unknownInputs: CostInputName[];
  /** Answers present but unusable (also in unknownInputs). */
  inputIssues: CostIssue[];
  /** Sentences for a person about every fallback applied. */
  notes: string[];
}

function scaleLevel(priced: PricedWorkload, volumeFactor: number, monthlyBudget: number | null): ScaleLevel {
  return {
    volumeFactor,
    monthly: priced.monthly,
    cloudOnDemand: priced.cloudOnDemand.monthly,
    accelerators: priced.accelerators,
    budget: checkBudget(priced.monthly, monthlyBudget),
  };
}

/**
 * Monthly cost of cloud, on-premises and hybrid for the answers (read as the pilot's volume) and at production
 * volume, with breakdowns, the breakeven utilization and the budget status. Pure and deterministic; expects
 * assumptions already read by parseCostAssumptions. The formulas are in shared/cost/README.md.
 */
export function estimateCost(inputs: CostInputs, assumptions: CostAssumptions = DEFAULT_COST_ASSUMPTIONS): CostEstimate {
  const resolved = resolveWorkload(inputs, assumptions);
  const workload = resolved.workload;
  const pilot = priceWorkload(workload, assumptions);
  const factor = assumptions.pilotToProductionScale;
  const production = priceWorkload(scaleWorkload(workload, factor), assumptions);
  const pilotLevel = scaleLevel(pilot, 1, assumptions.monthlyBudget);
  return {
    ...pilot,
    spotSavings: pilot.cloudOnDemand.monthly - pilot.monthly.cloud,
    workload,
    breakevenUtilization: breakevenUtilization(workload, assumptions),
    scale: { pilot: pilotLevel, production: scaleLevel(production, factor, assumptions.monthlyBudget) },
    budget: pilotLevel.budget,
    assumptions: { ...assumptions },
    unknownInputs: resolved.unknownInputs,
    inputIssues: resolved.inputIssues,
    notes: resolved.notes,
  };
}
