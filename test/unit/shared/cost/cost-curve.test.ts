import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CURVE_RANGE, costCurve, estimateCost, servesItself, trainsItself } from '../../../../shared/cost';
import { assumptionsArb, resolved, roadmapArb } from './arbitraries';
import { DEFAULTS, WORKED } from './fixtures';

const close = (v: number) => expect.closeTo(v, 6);

describe('costCurve', () => {
  it('prices the worked example at each utilization: renting flat, owning stepping down', () => {
    // cloud rents everything: 21,451.65 at any utilization (see price-roadmap.test.ts)
    // on-premises, with B = 730 u busy hours per accelerator: data centre ceil(1,460 / B) less 2 spare bought,
    //   overhead on all of them; sites ceil(365 / B) devices; fixed 20,000 × min(1, 1,825 / B / 8); APIs 15,000
    //   u = 0.25: 8 → 6 × 833.33 + 8 × 291.67 + 2 × 1,125 + 20,000 + 15,000 = 44,583.33
    //   u = 0.5:  4 → 2 × 833.33 + 4 × 291.67 + 1 × 1,125 + 12,500 + 15,000 = 31,458.33
    //   u = 0.75: 3 → 1 × 833.33 + 3 × 291.67 + 1 × 1,125 + 8,333.33 + 15,000 = 26,166.67
    //   u = 1:    2 → 0 + 2 × 291.67 + 1 × 1,125 + 6,250 + 15,000 = 22,958.33
    // hybrid: sites ceil(365 / B) × 1,125; data centre ceil(730 / B), 2 spare; fixed 20,000 × min(1, 1,095 / B / 8);
    //   training rented 1,080.40, egress 360 and APIs 15,000 whatever the utilization
    //   u = 0.25: 2,250 + 2 × 833.33 + 4 × 291.67 + 15,000 + 16,440.40 = 36,523.73
    //   u = 0.5:  1,125 + 0 + 583.33 + 7,500 + 16,440.40 = 25,648.73
    //   u = 0.75: 1,125 + 583.33 + 5,000 + 16,440.40 = 23,148.73
    //   u = 1:    1,125 + 291.67 + 3,750 + 16,440.40 = 21,607.07
    const curve = costCurve(WORKED, DEFAULTS, { from: 0.25, to: 1, steps: 3 });
    expect(curve.points.map((p) => p.utilization)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(curve.points.map((p) => p.monthly.cloud)).toEqual([close(21_451.65), close(21_451.65), close(21_451.65), close(21_451.65)]);
    expect(curve.points.map((p) => p.monthly['on-premises'])).toEqual([close(44_583.333333), close(31_458.333333), close(26_166.666667), close(22_958.333333)]);
    expect(curve.points.map((p) => p.monthly.hybrid)).toEqual([close(36_523.733333), close(25_648.733333), close(23_148.733333), close(21_607.066667)]);
    // owning never wins here (breakeven.test.ts); the room said 50%
    expect(curve.breakevenUtilization).toBeNull();
    expect(curve.statedUtilization).toBe(0.5);
    expect(curve.utilizationKnown).toBe(true);
  });

  it('marks the fallback utilization as assumed when the room gave none', () => {
    const curve = costCurve({ ...WORKED, organisation: { ...WORKED.organisation, sustainedGpuUtilization: null } }, DEFAULTS, { steps: 1 });
    expect(curve.statedUtilization).toBe(0.5);
    expect(curve.utilizationKnown).toBe(false);
  });

  it('uses 5% to 100% in 95 steps by default', () => {
    const curve = costCurve(WORKED, DEFAULTS);
    expect(DEFAULT_CURVE_RANGE).toEqual({ from: 0.05, to: 1, steps: 95 });
    expect(curve.points).toHaveLength(96);
    expect(curve.points[0]!.utilization).toBe(0.05);
    expect(curve.points[95]!.utilization).toBe(1);
    expect(curve.breakevenUtilization).toBe(estimateCost(WORKED).breakevenUtilization);
  });

  it('agrees with the estimate at production volume at the stated utilization', () => {
    const curve = costCurve(WORKED, DEFAULTS, { from: 0.5, to: 0.5, steps: 1 });
    expect(curve.points[0]!.monthly).toEqual(estimateCost(WORKED).production.monthly);
  });

  it('clamps a range it cannot draw instead of refusing it', () => {
    const curve = costCurve(WORKED, DEFAULTS, { from: 2, to: -1, steps: 0 });
    expect(curve.points.map((p) => p.utilization)).toEqual([0.01, 1]);
    expect(costCurve(WORKED, DEFAULTS, { steps: Number.NaN }).points).toHaveLength(96);
    expect(costCurve(WORKED, DEFAULTS, { steps: 1e9 }).points).toHaveLength(1_001);
    expect(costCurve(WORKED, DEFAULTS, { from: Number.NaN, to: Number.POSITIVE_INFINITY }).points[0]!.utilization).toBe(0.05);
  });

  it('never puts on-premises below the cloud under the breakeven, whole fleet or not (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        // The breakeven compares your own models, rented or owned. A roadmap with none has no breakeven to respect:
        // what differs between its options is a vendor's solution installed on owned accelerators, and egress.
        if (!resolved(roadmap, a).useCases.some((u) => trainsItself(u) || (servesItself(u) && u.sourcing !== 'industry-specific-solutions' && u.requests.production > 0))) return;
        const curve = costCurve(roadmap, a, { from: 0.01, to: 1, steps: 99 });
        const b = curve.breakevenUtilization;
        for (const p of curve.points) {
          // below the breakeven (everywhere when it is null) even the fractional fleet costs more than renting
          if (b === null || p.utilization < b * (1 - 1e-9)) expect(p.monthly['on-premises']).toBeGreaterThanOrEqual(p.monthly.cloud * (1 - 1e-9));
        }
      }),
    );
  });
});
