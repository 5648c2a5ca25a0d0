import { cheapestOption } from './cheapest-option';
import { DEPLOYMENT_OPTIONS, type DeploymentOption, type OptionTotals } from './deployment-option';

/** Where a monthly cost stands against the budget: 'none' when no budget is set. */
export type BudgetStatus = 'ok' | 'warning' | 'over' | 'none';

/** One option against the budget. */
export interface OptionBudget {
  status: BudgetStatus;
  /** Monthly cost / monthly budget (1 = exactly the budget); null when no budget is set. */
  shareOfBudget: number | null;
}

/** Every option against the budget, and the status the room sees: that of the cheapest option. */
export interface BudgetCheck {
  monthlyBudget: number | null;
  /** Status of the cheapest option: whether the budget can be kept at all by choosing well. */
  status: BudgetStatus;
  cheapestOption: DeploymentOption;
  byOption: Record<DeploymentOption, OptionBudget>;
}

/**
 * 'over' when cost > budget, 'warning' when cost >= 80% of the budget, else 'ok'; 'none' without a budget.
 * Compared in whole cents as 5 × cost >= 4 × budget, so exactly 80% is a warning whatever the float rounding,
 * and exactly 100% is still a warning (at the budget, not over it).
 */
export function budgetStatus(monthlyCost: number, monthlyBudget: number | null): BudgetStatus {
  if (monthlyBudget === null) return 'none';
  const cost = Math.round(monthlyCost * 100);
  const budget = Math.round(monthlyBudget * 100);
  if (cost > budget) return 'over';
  return cost * 5 >= budget * 4 ? 'warning' : 'ok';
}

/** Checks each option's monthly total against the budget; the headline status is the cheapest option's. */
export function checkBudget(monthly: OptionTotals, monthlyBudget: number | null): BudgetCheck {
  const byOption = {} as Record<DeploymentOption, OptionBudget>;
  for (const option of DEPLOYMENT_OPTIONS) {
    byOption[option] = {
      status: budgetStatus(monthly[option], monthlyBudget),
      shareOfBudget: monthlyBudget === null ? null : monthly[option] / monthlyBudget,
    };
  }
  const cheapest = cheapestOption(monthly);
  return { monthlyBudget, status: byOption[cheapest].status, cheapestOption: cheapest, byOption };
}
