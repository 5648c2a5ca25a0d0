import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_ASSUMPTIONS, DEPLOYMENT_OPTIONS, breakdownTotal, estimateCost, type CostRoadmap, type UseCaseCostInput } from '../../../../shared/cost';
import { assumptionsArb, expectClose, roadmapArb } from './arbitraries';
import { DEFAULTS, PER_ACCELERATOR, WORKED } from './fixtures';

const close = (v: number) => expect.closeTo(v, 6);

describe('estimateCost', () => {
  it('prices the worked example at the pilot and in production (figures in price-roadmap.test.ts)', () => {
    const e = estimateCost(WORKED);
    expect(e.assumptions).toEqual(DEFAULT_COST_ASSUMPTIONS);
    expect(e.pilot.level).toBe('pilot');
    expect(e.production.level).toBe('production');
    expect(e.pilot.monthly).toEqual({ cloud: close(5_141.15), 'on-premises': close(13_708.333333), hybrid: close(8_084.187879) });
    expect(e.production.monthly).toEqual({ cloud: close(21_451.65), 'on-premises': close(31_458.333333), hybrid: close(25_648.733333) });
    for (const option of DEPLOYMENT_OPTIONS) expect(e.production.options[option].monthly).toBe(e.production.monthly[option]);
    expect(e.production.options['on-premises'].accelerators).toEqual({ dataCentre: 4, spareUsed: 2, bought: 2, edge: 1 });
    // all on demand: inspection training 4 × 730 = 2,920 instead of 1,080.40 (+1,839.60), contracts 4 × 365 × 1.25
    // = 1,825 instead of 1,186.25 (+638.75): production 21,451.65 + 2,478.35 = 23,930; pilot 5,141.15 + 2,478.35 = 7,619.50
    expect(e.production.cloudOnDemand).toBeCloseTo(23_930, 6);
    expect(e.pilot.cloudOnDemand).toBeCloseTo(7_619.5, 6);
    expect(e.spotSavings).toBeCloseTo(2_478.35, 6);
    expect(e.breakevenUtilization).toBeNull();
    expect(e.roadmap.useCases.map((u) => u.requests)).toEqual([
      { pilot: 200_000, production: 2_000_000 },
      { pilot: 73_000_000, production: 365_000_000 },
      { pilot: 365_000, production: 3_650_000 },
    ]);
    expect(e.notes).toEqual(['Support assistant: training hours are not given; priced as no training.']);
    expect(e.pilot.budget.status).toBe('none');
  });

  it('checks each volume against the budget, the headline status being the cheapest option’s', () => {
    const e = estimateCost(WORKED, { ...DEFAULTS, monthlyBudget: 25_000 });
    // pilot: 5,141.15 (21%), 13,708.33 (55%), 8,084.19 (32%): all ok
    expect(e.pilot.budget.status).toBe('ok');
    expect(e.pilot.budget.cheapestOption).toBe('cloud');
    // production: cloud 21,451.65 = 86% → warning; on-premises 31,458.33 and hybrid 25,648.73 are over
    expect(e.production.budget).toEqual({
      monthlyBudget: 25_000,
      status: 'warning',
      cheapestOption: 'cloud',
      byOption: {
        cloud: { status: 'warning', shareOfBudget: close(21_451.65 / 25_000) },
        'on-premises': { status: 'over', shareOfBudget: close(31_458.333333 / 25_000) },
        hybrid: { status: 'over', shareOfBudget: close(25_648.733333 / 25_000) },
      },
    });
  });

  it('costs nothing for a roadmap with nothing in it, and says what it assumed', () => {
    const e = estimateCost({ organisation: {}, useCases: [], placements: { cloud: [], 'on-premises': [], hybrid: [] } });
    for (const level of [e.pilot, e.production]) expect(level.monthly).toEqual({ cloud: 0, 'on-premises': 0, hybrid: 0 });
    expect(e.spotSavings).toBe(0);
    expect(e.breakevenUtilization).toBeNull();
    expect(e.notes).toEqual([
      'Sustained utilization is not known: owned accelerators are sized at 50%.',
      'Existing data-centre capacity is not known: an owned estate carries all of its fixed cost.',
    ]);
  });

  it('owns exactly linearly with volume, less the fixed cost, when the load fills whole accelerators', () => {
    // 100% busy, nothing spare: 8 × 730 h of training → 8 accelerators = 8 × 1,125 = 9,000 + 40,000 fixed (a full server);
    // × 7 → 56 accelerators = 63,000, and the fixed cost stays 40,000: it is paid once for the estate
    const owned = (hours: number): CostRoadmap => ({
      organisation: { sustainedGpuUtilization: 1, spareAccelerators: 0, existingOnPremCapacity: 'none' },
      useCases: [{ id: 't', name: 'Training', trainingGpuHours: hours, sourcing: 'custom-platform' } satisfies UseCaseCostInput],
      placements: { cloud: [{ serving: null, training: 'cloud' }], 'on-premises': [{ serving: null, training: 'on-premises' }], hybrid: [{ serving: null, training: 'cloud' }] },
    });
    const base = estimateCost(owned(8 * 730)).production;
    const big = estimateCost(owned(7 * 8 * 730)).production;
    expect(base.options['on-premises'].accelerators.dataCentre).toBe(8);
    expect(big.options['on-premises'].accelerators.dataCentre).toBe(56);
    expect(base.monthly['on-premises']).toBeCloseTo(8 * 1.35 * PER_ACCELERATOR + 40_000, 6);
    expectClose(big.monthly['on-premises'] - 40_000, 7 * (base.monthly['on-premises'] - 40_000));
  });

  it('is deterministic: the same input gives a deep-equal output, and the input is not changed (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        const roadmapCopy = structuredClone(roadmap);
        const aCopy = structuredClone(a);
        expect(estimateCost(roadmap, a)).toEqual(estimateCost(roadmapCopy, aCopy));
        expect(roadmap).toEqual(roadmapCopy);
        expect(a).toEqual(aCopy);
      }),
    );
  });

  it('has breakdowns that add up to the totals at both volumes, and spot never costs more (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        const e = estimateCost(roadmap, a);
        for (const level of [e.pilot, e.production]) {
          for (const option of DEPLOYMENT_OPTIONS) {
            expect(breakdownTotal(level.options[option].breakdown)).toBe(level.monthly[option]);
            for (const part of Object.values(level.options[option].breakdown)) expect(part).toBeGreaterThanOrEqual(0);
          }
          expect(level.cloudOnDemand).toBeGreaterThanOrEqual(level.monthly.cloud * (1 - 1e-12));
        }
        expect(e.spotSavings).toBe(e.production.cloudOnDemand - e.production.monthly.cloud);
      }),
    );
  });

  it('never needs more than k × the fleet for k × the load, nor less than the fractional fleet (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, fc.integer({ min: 1, max: 50 }), (roadmap, a, k) => {
        const scaled: CostRoadmap = {
          ...roadmap,
          useCases: roadmap.useCases.map((u) => ({ ...u, requestsInProduction: u.requestsInProduction * k, trainingGpuHours: u.trainingGpuHours * k })),
        };
        const base = estimateCost(roadmap, a).production.options['on-premises'].accelerators;
        const big = estimateCost(scaled, a).production.options['on-premises'].accelerators;
        expect(big.dataCentre).toBeLessThanOrEqual(k * base.dataCentre);
        expect(big.edge).toBeLessThanOrEqual(k * base.edge);
        expect(big.dataCentre + big.edge).toBeGreaterThanOrEqual(base.dataCentre + base.edge);
      }),
    );
  });

  it('costs the cloud no less in production than at the pilot when production is the larger volume (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        const growing: CostRoadmap = {
          ...roadmap,
          useCases: roadmap.useCases.map((u) => ({ ...u, requestsInProduction: Math.max(u.requestsNow, u.requestsInProduction) })),
        };
        const e = estimateCost(growing, a);
        expect(e.production.monthly.cloud).toBeGreaterThanOrEqual(e.pilot.monthly.cloud * (1 - 1e-12));
      }),
    );
  });
});
