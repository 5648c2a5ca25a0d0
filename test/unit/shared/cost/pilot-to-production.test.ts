import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCost, pilotToProduction } from '../../../../shared/cost';
import { assumptionsArb, expectClose, roadmapArb } from './arbitraries';
import { DEFAULTS, WORKED } from './fixtures';

const close = (v: number) => expect.closeTo(v, 6);

describe('pilotToProduction', () => {
  it('grows every use case from its volume now to its production volume and checks each point against the budget', () => {
    // halfway: assistant 1,100,000 calls → 8,250; inspection (73 + 365) / 2 = 219 serving h; contracts 200.75 h
    // cloud: 8,250 + 4 × 219 + 4 × 200.75 × 1.25 + training 2,266.65 + egress 900 = 13,296.40, halfway between
    //   the pilot's 5,141.15 and production's 21,451.65 (renting is linear in volume)
    // on-premises: data centre 730 + 200.75 + 365 = 1,295.75 h → 3.55 → 4 (2 bought) = 1,666.67 + 1,166.67; sites
    //   219 h → 1 device 1,125; owned 1,514.75 h = 4.15 accelerators' worth → 20,000 × 4.15 / 8 = 10,375 → 22,583.33
    // hybrid: sites 1,125; rented training 1,080.40; data centre 565.75 h → 2 spare, 583.33; owned 784.75 h →
    //   20,000 × 2.15 / 8 = 5,375; egress 900 × 730 / 1,514.75 = 433.73 → 16,847.47
    const series = pilotToProduction(WORKED, { ...DEFAULTS, monthlyBudget: 15_000 }, { steps: 2 });
    expect(series.monthlyBudget).toBe(15_000);
    expect(series.points.map((p) => p.progress)).toEqual([0, 0.5, 1]);
    expect(series.points.map((p) => p.requests)).toEqual([73_565_000, 222_107_500, 370_650_000]);
    expect(series.points.map((p) => p.monthly.cloud)).toEqual([close(5_141.15), close(13_296.4), close(21_451.65)]);
    expect(series.points[1]!.monthly['on-premises']).toBeCloseTo(22_583.333333, 6);
    expect(series.points[1]!.monthly.hybrid).toBeCloseTo(8_250 + 1_125 + 1_080.4 + 583.333333 + 5_375 + 657_000 / 1_514.75, 6);
    // cloud: 34% ok, 89% warning, 143% over; on-premises: 91% warning at the pilot already, then over
    expect(series.points.map((p) => p.budget.cloud)).toEqual(['ok', 'warning', 'over']);
    expect(series.points.map((p) => p.budget['on-premises'])).toEqual(['warning', 'over', 'over']);
  });

  it('starts at the estimate’s pilot and ends at its production', () => {
    const estimate = estimateCost(WORKED);
    const series = pilotToProduction(WORKED, DEFAULTS);
    expect(series.points).toHaveLength(11);
    expect(series.points[0]!.monthly).toEqual(estimate.pilot.monthly);
    expect(series.points[10]!.monthly).toEqual(estimate.production.monthly);
    expect(series.monthlyBudget).toBeNull();
    expect(series.points[0]!.budget).toEqual({ cloud: 'none', 'on-premises': 'none', hybrid: 'none' });
  });

  it('clamps the number of steps', () => {
    expect(pilotToProduction(WORKED, DEFAULTS, { steps: 0 }).points).toHaveLength(2);
    expect(pilotToProduction(WORKED, DEFAULTS, { steps: Number.NaN }).points).toHaveLength(11);
    expect(pilotToProduction(WORKED, DEFAULTS, { steps: 1e9 }).points).toHaveLength(1_001);
  });

  it('is flat when production is today’s volume', () => {
    const steady = { ...WORKED, useCases: WORKED.useCases.map((u) => ({ ...u, requestsInProduction: u.requestsNow })) };
    const series = pilotToProduction(steady, DEFAULTS, { steps: 3 });
    for (const p of series.points) expect(p.monthly).toEqual(series.points[0]!.monthly);
  });

  it('ends at production for any roadmap (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        const series = pilotToProduction(roadmap, a, { steps: 4 });
        const estimate = estimateCost(roadmap, a);
        expect(series.points[0]!.monthly).toEqual(estimate.pilot.monthly);
        for (const option of ['cloud', 'on-premises', 'hybrid'] as const) {
          expectClose(series.points[4]!.monthly[option], estimate.production.monthly[option]);
        }
      }),
    );
  });
});
