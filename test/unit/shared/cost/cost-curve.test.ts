import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CURVE_RANGE, costCurve, estimateCost } from '../../../../shared/cost';
import { assumptionsArb, inputsArb } from './arbitraries';
import { CASE_A_INPUTS, DEFAULTS } from './fixtures';

describe('costCurve', () => {
  it('prices each option at each utilization: cloud flat, owned fleets stepping down', () => {
    // 2,000 training h on demand ('none' unknown → no spot): cloud = 4 × 2,000 = 8,000 at any utilization.
    // on-premises = ceil(2,000 / (730 × u)) × 833.33 × 1.6:
    //   u = 0.05  → ceil(54.79) = 55 → 73,333.33     u = 0.2875 → ceil(9.53) = 10 → 13,333.33
    //   u = 0.525 → ceil(5.22) = 6  → 8,000          u = 0.7625 → ceil(3.59) = 4 → 5,333.33     u = 1 → 3 → 4,000
    const curve = costCurve({ monthlyTrainingGpuHours: 2_000 }, DEFAULTS, { steps: 4 });
    expect(curve.points.map((p) => p.utilization)).toEqual([0.05, 0.2875, 0.525, 0.7625, 1]);
    expect(curve.points.map((p) => p.monthly.cloud)).toEqual([8_000, 8_000, 8_000, 8_000, 8_000]);
    expect(curve.points.map((p) => p.accelerators['on-premises'])).toEqual([55, 10, 6, 4, 3]);
    const owned = curve.points.map((p) => p.monthly['on-premises']);
    [73_333.3333, 13_333.3333, 8_000, 5_333.3333, 4_000].forEach((v, i) => expect(owned[i]).toBeCloseTo(v, 3));
    // hybrid has no inference to own, so it is the cloud bill
    expect(curve.points.map((p) => p.monthly.hybrid)).toEqual([8_000, 8_000, 8_000, 8_000, 8_000]);
    // breakeven k / c = 1.826484 / 4 = 0.4566; the answer was missing, so 50% is marked as assumed
    expect(curve.breakevenUtilization).toBeCloseTo(0.456621, 6);
    expect(curve.statedUtilization).toBe(0.5);
    expect(curve.utilizationKnown).toBe(false);
  });

  it('uses 5% to 100% in 95 steps by default and marks the stated utilization', () => {
    const curve = costCurve(CASE_A_INPUTS);
    expect(DEFAULT_CURVE_RANGE).toEqual({ from: 0.05, to: 1, steps: 95 });
    expect(curve.points).toHaveLength(96);
    expect(curve.points[0]!.utilization).toBe(0.05);
    expect(curve.points[95]!.utilization).toBe(1);
    expect(curve.statedUtilization).toBe(0.6);
    expect(curve.utilizationKnown).toBe(true);
    expect(curve.breakevenUtilization).toBe(estimateCost(CASE_A_INPUTS).breakevenUtilization);
  });

  it('agrees with the estimate at the stated utilization', () => {
    const curve = costCurve(CASE_A_INPUTS, DEFAULTS, { from: 0.6, to: 0.6, steps: 1 });
    expect(curve.points[0]!.monthly).toEqual(estimateCost(CASE_A_INPUTS).monthly);
  });

  it('clamps a range it cannot draw instead of refusing it', () => {
    const curve = costCurve(CASE_A_INPUTS, DEFAULTS, { from: 2, to: -1, steps: 0 });
    expect(curve.points.map((p) => p.utilization)).toEqual([0.01, 1]);
    expect(costCurve(CASE_A_INPUTS, DEFAULTS, { steps: Number.NaN }).points).toHaveLength(96);
    expect(costCurve(CASE_A_INPUTS, DEFAULTS, { steps: 1e9 }).points).toHaveLength(1_001);
  });

  it('never puts on-premises below cloud under the breakeven, whole fleet or not (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, (inputs, a) => {
        const curve = costCurve(inputs, a, { from: 0.01, to: 1, steps: 99 });
        const b = curve.breakevenUtilization;
        for (const p of curve.points) {
          // below the breakeven (everywhere when it is null) even the fractional fleet costs more than renting
          if (b === null || p.utilization < b * (1 - 1e-9)) expect(p.monthly['on-premises']).toBeGreaterThan(p.monthly.cloud * (1 - 1e-9));
        }
      }),
    );
  });
});
