import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakevenUtilization,
  estimateCost,
  ownedCostPerBusyHour,
  rentedCostPerHour,
  resolveWorkload,
  scaleWorkload,
} from '../../../../shared/cost';
import { assumptionsArb, expectClose, inputsArb } from './arbitraries';
import { CASE_A_INPUTS, CASE_B_ASSUMPTIONS, CASE_B_INPUTS, DEFAULTS } from './fixtures';

const workloadA = resolveWorkload(CASE_A_INPUTS, DEFAULTS).workload;

describe('breakevenUtilization', () => {
  it('case A: k / r = 1.826484 / 2.952 = 0.6187', () => {
    // k = 30,000 × 1.6 / (730 × 36) = 1.826484 USD per busy hour; r = 7,380 / (2,000 + 500) = 2.952 USD per hour
    expect(rentedCostPerHour(workloadA, DEFAULTS)).toBeCloseTo(2.952, 12);
    expect(breakevenUtilization(workloadA, DEFAULTS)).toBeCloseTo((48_000 * 2_500) / (26_280 * 7_380), 12); // 0.618728
  });

  it('case B: (750 / 730) / (3,347 / 2,190) = 2,250 / 3,347 = 0.6722', () => {
    const w = resolveWorkload(CASE_B_INPUTS, CASE_B_ASSUMPTIONS).workload;
    expect(breakevenUtilization(w, CASE_B_ASSUMPTIONS)).toBeCloseTo(2_250 / 3_347, 12);
  });

  it('without a workload is the plain hourly comparison k / c', () => {
    // 1.826484 / 4 = 0.456621
    const none = resolveWorkload({}, DEFAULTS).workload;
    expect(breakevenUtilization(none, DEFAULTS)).toBeCloseTo(48_000 / (26_280 * 4), 12);
  });

  it('is null when owning never wins within 0..1', () => {
    // at 1 USD an hour on demand, k / r = 1.826 / 1 > 1
    const trainingOnly = resolveWorkload({ monthlyTrainingGpuHours: 1_000 }, DEFAULTS).workload;
    expect(breakevenUtilization(trainingOnly, { ...DEFAULTS, cloudHourlyPrice: 1 })).toBeNull();
    expect(breakevenUtilization(trainingOnly, { ...DEFAULTS, cloudHourlyPrice: 0 })).toBeNull();
    // just under: c = 1.83 → 0.998
    expect(breakevenUtilization(trainingOnly, { ...DEFAULTS, cloudHourlyPrice: 1.83 })).toBeCloseTo(1.826484 / 1.83, 6);
  });

  it('is 0 when the accelerators cost nothing to own', () => {
    expect(breakevenUtilization(workloadA, { ...DEFAULTS, acceleratorPurchasePrice: 0 })).toBe(0);
  });

  it('falls as the cloud price rises (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, fc.double({ min: 0.001, max: 10, noNaN: true }), (inputs, a, rise) => {
        const w = resolveWorkload(inputs, a).workload;
        const before = breakevenUtilization(w, a);
        const after = breakevenUtilization(w, { ...a, cloudHourlyPrice: a.cloudHourlyPrice * (1 + rise) });
        if (before === null) return; // nothing to fall from; `after` may become a number
        expect(after).not.toBeNull();
        expect(after!).toBeLessThan(before);
      }),
    );
  });

  it('is where the owned cost of the workload, fleet counted in fractions, equals the cloud bill (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, (inputs, a) => {
        const estimate = estimateCost(inputs, a);
        const u = estimate.breakevenUtilization;
        if (u === null || u === 0) return;
        const hours = estimate.workload.trainingHours + estimate.workload.inferenceHours;
        expectClose((hours * ownedCostPerBusyHour(a)) / u, estimate.monthly.cloud);
      }),
    );
  });

  it('is the same at pilot and production volume (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, (inputs, a) => {
        const w = resolveWorkload(inputs, a).workload;
        const pilot = breakevenUtilization(w, a);
        const production = breakevenUtilization(scaleWorkload(w, a.pilotToProductionScale), a);
        if (pilot !== null && production !== null) expectClose(production, pilot);
        // Only a breakeven at the very edge of 1 may round to null at one volume and not the other.
        else expect(pilot ?? production ?? 1).toBeGreaterThan(1 - 1e-9);
      }),
    );
  });
});
