import type { CostAssumptions } from './cost-assumptions';
import { HOURS_PER_MONTH } from './roadmap-inputs';

/**
 * Accelerators to own for a monthly load: n = ceil(H / (730 × u)). A load within a billionth of a whole
 * accelerator counts as that whole number, so floating-point noise (0.7 × 730 = 510.99…) cannot buy one more.
 */
export function fleetSize(acceleratorHours: number, utilization: number): number {
  if (acceleratorHours <= 0) return 0;
  const exact = acceleratorHours / (HOURS_PER_MONTH * utilization);
  return Math.ceil(exact - 1e-9 * Math.max(1, exact));
}

/** Amortized purchase of one owned accelerator per month, P / M, in USD. */
export function amortizedHardwarePerAccelerator(assumptions: CostAssumptions): number {
  return assumptions.acceleratorPurchasePrice / assumptions.amortizationMonths;
}

/**
 * Owning cost of one accelerator-hour of work at full utilization, k = P × (1 + o) / (730 × M), in USD.
 * At utilization u an hour of work costs k / u.
 */
export function ownedCostPerBusyHour(assumptions: CostAssumptions): number {
  return (amortizedHardwarePerAccelerator(assumptions) * (1 + assumptions.onPremisesOverheadRatio)) / HOURS_PER_MONTH;
}
