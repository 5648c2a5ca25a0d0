import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_UTILIZATION,
  allCloud,
  allOwned,
  breakevenUtilization,
  priceRoadmap,
  resolveRoadmap,
  servesItself,
  trainsItself,
  type CostAssumptions,
  type ResolvedRoadmap,
  type UseCaseCostInput,
} from '../../../../shared/cost';
import { assumptionsArb, resolved, roadmapArb } from './arbitraries';
import { DEFAULTS, WORKED } from './fixtures';

/** A language model of its own, serving only: 100,000,000 requests / 10,000 per accelerator-hour = 10,000 h a month. */
const drafting: UseCaseCostInput = { id: 'd', name: 'Drafting', task: 'language-generation', requestsNow: 1_000_000, requestsInProduction: 100_000_000, trainingGpuHours: 0 };

function breakeven(organisation: Parameters<typeof resolveRoadmap>[0], useCases: UseCaseCostInput[], a: CostAssumptions = DEFAULTS): number | null {
  return breakevenUtilization(resolveRoadmap(organisation, useCases, a), a);
}

/** The self-hosted accelerator-hours of your own models at production volume (vendors host theirs in the cloud). */
function ownHours(r: ResolvedRoadmap): number {
  return r.useCases.reduce(
    (s, u) => s + (servesItself(u) && u.sourcing !== 'industry-specific-solutions' ? u.requests.production / u.throughput : 0) + (trainsItself(u) ? u.trainingHours : 0),
    0,
  );
}

/** Renting them: the all-cloud bill at production volume without the API fees, which are the same either way. */
function rent(r: ResolvedRoadmap, a: CostAssumptions): number {
  const cloud = priceRoadmap(r, allCloud(r), 'production', a);
  return cloud.monthly - cloud.breakdown.apis;
}

/**
 * Owning them at utilization u, fleet in fractions (README): f = H / (730 u);
 * max(0, f − S) × P / M + o × f × P / M + F × new share × min(1, f / 8).
 */
function owned(hours: number, u: number, r: ResolvedRoadmap, a: CostAssumptions): number {
  const f = hours / (730 * u);
  const perAccelerator = a.acceleratorPurchasePrice / a.amortizationMonths;
  return Math.max(0, f - r.spareAccelerators) * perAccelerator + a.onPremisesOverheadRatio * f * perAccelerator + a.onPremisesFixedMonthly * r.newFixedCostShare * Math.min(1, f / 8);
}

describe('breakevenUtilization', () => {
  it('serving one model of its own: where 1,125 USD per owned accelerator and the fixed cost meet 40,000 USD of rent', () => {
    // rent: 4 × 10,000 h = 40,000. Owning f accelerators: (833.33 + 291.67) × f + 10,000 fixed ('significant' capacity:
    // a quarter of 40,000 is new; f is past a server, so all of that quarter) → f = 30,000 / 1,125 = 26.67 accelerators,
    // u = 10,000 / (730 × 26.67) = 10,000 × 1,125 / (730 × 30,000) = 0.5137
    expect(breakeven({ existingOnPremCapacity: 'significant' }, [drafting])).toBeCloseTo(11_250_000 / 21_900_000, 6);
  });

  it('falls with spare accelerators and with egress the cloud would bill', () => {
    // 4 spare: 1,125 f − 4 × 833.33 + 10,000 = 40,000 → f = 33,333.33 / 1,125 = 29.63 → u = 0.4623
    expect(breakeven({ existingOnPremCapacity: 'significant', spareAccelerators: 4 }, [drafting])).toBeCloseTo(11_250_000 / (730 * 33_333.333333), 6);
    // 50 TB of egress: rent 40,000 + 50,000 GB × 0.09 = 44,500 → f = 34,500 / 1,125 = 30.67 → u = 0.4467
    expect(breakeven({ existingOnPremCapacity: 'significant', egressTbPerMonth: 50 }, [drafting])).toBeCloseTo(11_250_000 / (730 * 34_500), 6);
  });

  it('is null for the worked example: owning its 1,825 hours costs more than renting them even at 100%', () => {
    // rent = 21,451.65 − 15,000 API fees = 6,451.65; at 100% f = 1,825 / 730 = 2.5: 0.5 bought beyond the 2 spare
    // = 416.67, overhead 0.35 × 2.5 × 833.33 = 729.17, fixed 20,000 × 2.5 / 8 = 6,250 → 7,395.83 > 6,451.65
    const r = resolved(WORKED, DEFAULTS);
    expect(ownHours(r)).toBe(1_825);
    expect(rent(r, DEFAULTS)).toBeCloseTo(6_451.65, 6);
    expect(owned(1_825, 1, r, DEFAULTS)).toBeCloseTo(7_395.833333, 6);
    expect(breakevenUtilization(r, DEFAULTS)).toBeNull();
    // with no fixed cost it is 2,500 / 6,451.65 → f = 5.1 at 1,125 less 2 spare × 833.33: u = 2.5 / f
    const a = { ...DEFAULTS, onPremisesFixedMonthly: 0 };
    expect(breakevenUtilization(resolved(WORKED, a), a)).toBeCloseTo(2.5 / ((6_451.65 + 2 * (30_000 / 36)) / 1_125), 6);
  });

  it('is null when nothing is self-hosted, and when owning never wins', () => {
    expect(breakeven({}, [{ ...drafting, sourcing: 'foundation-model-apis' }])).toBeNull();
    expect(breakeven({}, [{ ...drafting, sourcing: 'industry-specific-solutions' }])).toBeNull();
    expect(breakeven({}, [])).toBeNull();
    // at 1 USD an hour, renting 10,000 h costs 10,000: owning 13.7 accelerators costs 15,411 before any fixed cost
    expect(breakeven({ existingOnPremCapacity: 'significant' }, [drafting], { ...DEFAULTS, cloudHourlyPrice: 1 })).toBeNull();
  });

  it('is the lowest utilization a fleet is sized at when owning costs nothing', () => {
    const free = { ...DEFAULTS, acceleratorPurchasePrice: 0, onPremisesFixedMonthly: 0 };
    expect(breakeven({}, [drafting], free)).toBe(MIN_UTILIZATION);
  });

  it('is where owning the work, fleet counted in fractions, meets renting it: found by bisection (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        const r = resolved(roadmap, a);
        const b = breakevenUtilization(r, a);
        const hours = ownHours(r);
        const renting = rent(r, a);
        if (b === null) {
          // nothing of your own to host, or owning it costs more even with every accelerator busy
          if (hours > 0) expect(owned(hours, 1, r, a)).toBeGreaterThan(renting);
          return;
        }
        expect(hours).toBeGreaterThan(0);
        const tolerance = 1e-9 * Math.max(1, renting);
        expect(owned(hours, b, r, a)).toBeLessThanOrEqual(renting + tolerance);
        if (b > MIN_UTILIZATION) expect(owned(hours, b - 1e-6, r, a)).toBeGreaterThan(renting - tolerance);
      }),
    );
  });

  it('never rises as the cloud price rises (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, fc.double({ min: 0.001, max: 10, noNaN: true }), (roadmap, a, rise) => {
        const before = breakevenUtilization(resolved(roadmap, a), a);
        const dearer = { ...a, cloudHourlyPrice: a.cloudHourlyPrice * (1 + rise) };
        const after = breakevenUtilization(resolved(roadmap, dearer), dearer);
        if (before === null) return; // nothing to fall from; `after` may become a number
        expect(after).not.toBeNull();
        expect(after!).toBeLessThanOrEqual(before + 1e-6);
      }),
    );
  });

  it('compares the estates the cost curve draws: everything rented, everything owned', () => {
    const r = resolved(WORKED, DEFAULTS);
    expect(allCloud(r)).toEqual([
      { serving: 'cloud', training: null },
      { serving: 'cloud', training: 'cloud' },
      { serving: 'cloud', training: 'cloud' },
    ]);
    expect(allOwned(r)).toEqual([
      { serving: 'on-premises', training: null },
      { serving: 'on-premises', training: 'on-premises' },
      { serving: 'on-premises', training: 'on-premises' },
    ]);
  });
});
