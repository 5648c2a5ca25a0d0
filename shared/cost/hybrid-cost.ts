import type { CostAssumptions } from './cost-assumptions';
import { cloudTrainingCost } from './cloud-cost';
import { amortizedHardwarePerAccelerator, fleetSize } from './fleet-size';
import type { OwnedFleetCost } from './on-premises-cost';
import type { Workload } from './workload';

/**
 * The hybrid split the deployment decision describes: inference (the sensitive and latency-critical part)
 * on an owned fleet, training (burst work and experiments) rented with spot for its interruptible share.
 * Owned: n = ceil(I / (730 × u)); inference = n × P / M; overhead = o × n × P / M.
 * Rented: training = cloudTrainingCost with spot. Egress is charged on the cloud's share of the
 * accelerator-hours: G × e × T / (T + I) (answers and user traffic now leave from the owned site).
 */
export function hybridCost(workload: Workload, assumptions: CostAssumptions): OwnedFleetCost {
  const T = workload.trainingHours;
  const I = workload.inferenceHours;
  const accelerators = fleetSize(I, workload.utilization);
  const hardware = accelerators * amortizedHardwarePerAccelerator(assumptions);
  const cloudShare = T + I > 0 ? T / (T + I) : 0;
  return {
    accelerators,
    breakdown: {
      training: cloudTrainingCost(workload, assumptions, 'spot'),
      inference: hardware,
      egress: workload.egressGb * assumptions.egressPricePerGb * cloudShare,
      overhead: assumptions.onPremisesOverheadRatio * hardware,
    },
  };
}
