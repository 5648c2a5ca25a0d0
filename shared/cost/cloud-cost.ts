import type { CostAssumptions } from './cost-assumptions';
import type { CostBreakdown } from './cost-breakdown';
import type { Workload } from './workload';

/** Whether rented training uses spot capacity for its interruptible share, or on-demand for all of it. */
export type CloudPricing = 'spot' | 'on-demand';

/**
 * Monthly cost of training on rented accelerators, in USD.
 * On demand: c × T. With spot: c × T × (1 − d × s): the interruptible share s of T pays (1 − d) × c.
 */
export function cloudTrainingCost(workload: Workload, assumptions: CostAssumptions, pricing: CloudPricing): number {
  const c = assumptions.cloudHourlyPrice;
  const T = workload.trainingHours;
  if (pricing === 'on-demand') return c * T;
  const s = workload.interruptibleShare;
  return c * T * (1 - s) + c * (1 - assumptions.spotDiscount) * T * s;
}

/**
 * Everything in the cloud: training = cloudTrainingCost, inference = c × I (serving is not interruptible,
 * so always on demand), egress = G × e, overhead = 0 (it is in the hourly price). Renting bills the hours
 * used, so utilization does not enter.
 */
export function cloudCost(workload: Workload, assumptions: CostAssumptions, pricing: CloudPricing): CostBreakdown {
  return {
    training: cloudTrainingCost(workload, assumptions, pricing),
    inference: assumptions.cloudHourlyPrice * workload.inferenceHours,
    egress: workload.egressGb * assumptions.egressPricePerGb,
    overhead: 0,
  };
}
