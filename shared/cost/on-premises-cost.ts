import type { CostAssumptions } from './cost-assumptions';
import type { CostBreakdown } from './cost-breakdown';
import { amortizedHardwarePerAccelerator, fleetSize } from './fleet-size';
import type { Workload } from './workload';

/** The monthly cost of an option that owns accelerators, and how many it owns. */
export interface OwnedFleetCost {
  /** Accelerators owned (0 when the option owns none). */
  accelerators: number;
  breakdown: CostBreakdown;
}

/**
 * Everything owned: n = ceil((T + I) / (730 × u)) accelerators; hardware = n × P / M, split between training
 * and inference by their accelerator-hours (T : I); overhead = o × hardware; egress = 0 (the overhead ratio
 * covers the site's own connectivity).
 */
export function onPremisesCost(workload: Workload, assumptions: CostAssumptions): OwnedFleetCost {
  const T = workload.trainingHours;
  const I = workload.inferenceHours;
  const accelerators = fleetSize(T + I, workload.utilization);
  const hardware = accelerators * amortizedHardwarePerAccelerator(assumptions);
  const trainingShare = T + I > 0 ? T / (T + I) : 0;
  return {
    accelerators,
    breakdown: {
      training: hardware * trainingShare,
      inference: hardware - hardware * trainingShare,
      egress: 0,
      overhead: assumptions.onPremisesOverheadRatio * hardware,
    },
  };
}
