import { DEFAULT_COST_ASSUMPTIONS, type CostAssumptions, type CostInputs } from '../../../../shared/cost';

/**
 * Case A: the defaults and a mid-size workload.
 * T = 2,000 training h; R = 5,000,000 requests / 10,000 per h → I = 500 h; u = 0.6; 'some' → s = 0.5;
 * 2 TB → G = 2,000 GB. P / M = 30,000 / 36 = 833.33 USD per accelerator-month.
 */
export const CASE_A_INPUTS: CostInputs = {
  monthlyTrainingGpuHours: 2_000,
  monthlyInferenceRequests: 5_000_000,
  sustainedGpuUtilization: 0.6,
  interruptionTolerance: 'some',
  egressTbPerMonth: 2,
};

/**
 * Case B: round non-default prices so every figure is exact.
 * P / M = 20,000 / 40 = 500 USD; o = 0.5; c = 2.5; d = 0.8; q = 2,000 requests/h; e = 0.05 USD/GB; ×4; budget 12,000.
 * T = 1,460 h; R = 1,460,000 → I = 730 h; u = 0.5 (730 × 0.5 = 365 busy h per accelerator); 'high' → s = 0.9;
 * 10 TB → G = 10,000 GB.
 */
export const CASE_B_ASSUMPTIONS: CostAssumptions = {
  acceleratorPurchasePrice: 20_000,
  amortizationMonths: 40,
  onPremisesOverheadRatio: 0.5,
  cloudHourlyPrice: 2.5,
  spotDiscount: 0.8,
  inferenceRequestsPerAcceleratorHour: 2_000,
  egressPricePerGb: 0.05,
  pilotToProductionScale: 4,
  monthlyBudget: 12_000,
};

export const CASE_B_INPUTS: CostInputs = {
  monthlyTrainingGpuHours: 1_460,
  monthlyInferenceRequests: 1_460_000,
  sustainedGpuUtilization: 0.5,
  interruptionTolerance: 'high',
  egressTbPerMonth: 10,
};

export const DEFAULTS: CostAssumptions = { ...DEFAULT_COST_ASSUMPTIONS };
