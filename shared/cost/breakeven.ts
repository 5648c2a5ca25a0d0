import type { CostAssumptions } from './cost-assumptions';
import { cloudCost } from './cloud-cost';
import { breakdownTotal } from './cost-breakdown';
import { ownedCostPerBusyHour } from './fleet-size';
import type { Workload } from './workload';

/**
 * What renting costs per accelerator-hour of this workload, r = monthly cloud cost (spot where tolerated,
 * egress included) / (T + I); with no hours to run, r = c, the on-demand price.
 */
export function rentedCostPerHour(workload: Workload, assumptions: CostAssumptions): number {
  const hours = workload.trainingHours + workload.inferenceHours;
  if (hours <= 0) return assumptions.cloudHourlyPrice;
  return breakdownTotal(cloudCost(workload, assumptions, 'spot')) / hours;
}

/**
 * The sustained utilization above which owning beats renting: u* = k / r, with k = P × (1 + o) / (730 × M)
 * the owned cost of a busy hour and r = rentedCostPerHour. Owning costs k / u per hour of work, renting r,
 * so owning wins once u > k / r. Null when owning never wins within 0..1 (r = 0 or k / r > 1). It counts the
 * fleet in fractions of an accelerator; a small fleet, bought whole, crosses a little later.
 */
export function breakevenUtilization(workload: Workload, assumptions: CostAssumptions): number | null {
  const r = rentedCostPerHour(workload, assumptions);
  if (r <= 0) return null;
  const u = ownedCostPerBusyHour(assumptions) / r;
  return u <= 1 ? u : null;
}
