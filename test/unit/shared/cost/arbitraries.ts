import fc from 'fast-check';
import type { CostAssumptions, CostInputs } from '../../../../shared/cost';

const money = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Assumptions anywhere in a realistic range (no budget). */
export const assumptionsArb: fc.Arbitrary<CostAssumptions> = fc.record({
  acceleratorPurchasePrice: money(1_000, 100_000),
  amortizationMonths: fc.integer({ min: 12, max: 60 }),
  onPremisesOverheadRatio: money(0, 2),
  cloudHourlyPrice: money(0.5, 30),
  spotDiscount: money(0.6, 0.9),
  inferenceRequestsPerAcceleratorHour: money(100, 100_000),
  egressPricePerGb: money(0, 0.2),
  pilotToProductionScale: money(1, 100),
  monthlyBudget: fc.constant(null),
});

/** Fully answered inputs with some load (at least one training or inference hour). */
export const inputsArb: fc.Arbitrary<CostInputs> = fc
  .record({
    monthlyTrainingGpuHours: money(0, 100_000),
    monthlyInferenceRequests: money(0, 1e9),
    sustainedGpuUtilization: money(0.01, 1),
    interruptionTolerance: fc.constantFrom('none', 'some', 'high'),
    egressTbPerMonth: money(0, 100),
  })
  .filter((i) => i.monthlyTrainingGpuHours >= 1 || i.monthlyInferenceRequests >= 100_000);

/** Relative closeness for large sums of floating-point money. */
export function expectClose(actual: number, expected: number, relative = 1e-9): void {
  const tolerance = relative * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} of ${expected}`);
  }
}
