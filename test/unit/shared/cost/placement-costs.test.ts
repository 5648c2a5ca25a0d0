import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placementCosts, priceRoadmap, resolveRoadmap, type UseCaseCostInput } from '../../../../shared/cost';
import { assumptionsArb, expectClose, organisationArb } from './arbitraries';
import { DEFAULTS, PER_ACCELERATOR } from './fixtures';

/** A language model of its own: 36,500,000 requests a month in production / 10,000 per accelerator-hour = 3,650 h. */
const drafting: UseCaseCostInput = { id: 'd', name: 'Drafting', task: 'language-generation', requestsNow: 1_000_000, requestsInProduction: 36_500_000 };

/** An owned fleet busy 80% of the time (584 busy hours per accelerator), 2 spare, a quarter of the fixed cost new (10,000). */
const organisation = { sustainedGpuUtilization: 0.8, spareAccelerators: 2, existingOnPremCapacity: 'significant' };

describe('placementCosts', () => {
  it('prices serving one use case in each place at production volume', () => {
    // 3,650 h; at 80% that is 3,650 / 584 = 6.25 accelerators (counted in fractions: this compares places, it buys nothing)
    // cloud:       4 × 3,650 = 14,600
    // on-premises: (6.25 − 2 spare) × 833.33 = 3,541.67 + overhead 0.35 × 6.25 × 833.33 = 1,822.92
    //              + fixed min(10,000 × 6.25 / 8, 10,000 / 1 use case) = 7,812.50 → 13,177.08
    // edge:        no spare at the sites: 6.25 × 833.33 = 5,208.33 + 1,822.92 + 7,812.50 → 14,843.75
    const costs = placementCosts(drafting, organisation, DEFAULTS, 1);
    expect(costs.serving).toEqual({ cloud: 14_600, 'on-premises': expect.closeTo(13_177.083333, 6), edge: expect.closeTo(14_843.75, 6) });
    expect(costs.training).toBeNull();
    expect(costs.requests).toBe(36_500_000);
    expect(costs.trainingHours).toBe(0);
  });

  it('shares the spare accelerators and the fixed cost evenly between use cases, and between serving and training', () => {
    // 2 use cases, this one serves and trains: a quarter each of 2 spare = 0.5, and at most 10,000 / 2 / 2 = 2,500 fixed
    // serving:  on-premises (6.25 − 0.5) × 833.33 + 1,822.92 + 2,500 = 9,114.58; edge 5,208.33 + 1,822.92 + 2,500 = 9,531.25
    // training: 1,460 h, 90% interruptible ('high'): cloud 4 × 1,460 × (1 − 0.7 × 0.9) = 2,160.80;
    //           on-premises 1,460 / 584 = 2.5 → (2.5 − 0.5) × 833.33 + 0.35 × 2.5 × 833.33 + 2,500 = 4,895.83
    const costs = placementCosts({ ...drafting, trainingGpuHours: 1_460, interruptionTolerance: 'high' }, organisation, DEFAULTS, 2);
    expect(costs.serving).toEqual({ cloud: 14_600, 'on-premises': expect.closeTo(9_114.583333, 6), edge: expect.closeTo(9_531.25, 6) });
    expect(costs.training).toEqual({ cloud: expect.closeTo(2_160.8, 9), 'on-premises': expect.closeTo(4_895.833333, 6) });
    expect(costs.trainingHours).toBe(1_460);
  });

  it('prices the use case’s own model whatever its sourcing, so sourcing cannot tip where it runs', () => {
    const plain = placementCosts(drafting, organisation, DEFAULTS, 1);
    for (const sourcing of ['managed-ml-platform', 'foundation-model-apis', 'industry-specific-solutions']) {
      expect(placementCosts({ ...drafting, sourcing }, organisation, DEFAULTS, 1), sourcing).toEqual(plain);
    }
  });

  it('has nothing to compare without a volume, and no training to place without training hours', () => {
    const training = placementCosts({ id: 't', name: 'T', trainingGpuHours: 730 }, {}, DEFAULTS, 1);
    expect(training.serving).toBeNull();
    // 50% assumed, nothing spare, all of the fixed cost new: 730 / 365 = 2 accelerators → 1,666.67 + 583.33 + 40,000 × 2 / 8
    expect(training.training).toEqual({ cloud: 2_920, 'on-premises': expect.closeTo(2 * 1.35 * PER_ACCELERATOR + 10_000, 6) });
    const zero = placementCosts({ ...drafting, requestsNow: 0, requestsInProduction: 0 }, organisation, DEFAULTS, 1);
    expect(zero.serving).toEqual({ cloud: 0, 'on-premises': 0, edge: 0 });
  });

  it('never finds the sites cheaper than the data centre, and rents linearly with volume (property)', () => {
    const useCase = fc.record({
      task: fc.constantFrom('language-generation', 'vision', 'speech', 'tabular-prediction', 'recommendation', 'industry-task'),
      requestsInProduction: fc.double({ min: 0, max: 1e9, noNaN: true }),
      trainingGpuHours: fc.double({ min: 0, max: 10_000, noNaN: true }),
      interruptionTolerance: fc.constantFrom('none', 'some', 'high'),
    });
    fc.assert(
      fc.property(useCase, organisationArb, assumptionsArb, fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (u, org, a, n, k) => {
        const input = { ...u, id: 'u', name: 'U' };
        const costs = placementCosts(input, org, a, n);
        expect(costs.serving!.edge).toBeGreaterThanOrEqual(costs.serving!['on-premises']);
        const more = placementCosts({ ...input, requestsInProduction: u.requestsInProduction * k }, org, a, n);
        expectClose(more.serving!.cloud, k * costs.serving!.cloud);
        if (costs.training) expect(costs.training.cloud).toBeLessThanOrEqual(a.cloudHourlyPrice * u.trainingGpuHours * (1 + 1e-12));
      }),
    );
  });

  it('never makes renting relatively cheaper as volume or utilization rises, with no spare accelerators to use up (property)', () => {
    // (Spare accelerators are free until they run out, so owning a little is cheaper per hour than owning much.)
    const useCase = fc.record({
      task: fc.constantFrom('language-generation', 'vision', 'speech', 'tabular-prediction', 'recommendation', 'industry-task'),
      requestsInProduction: fc.double({ min: 1, max: 1e9, noNaN: true }),
    });
    fc.assert(
      fc.property(useCase, organisationArb, assumptionsArb, fc.integer({ min: 1, max: 30 }), fc.double({ min: 1, max: 100, noNaN: true }), (u, org, a, n, k) => {
        const owned = { ...org, spareAccelerators: 0 };
        const input = { ...u, id: 'u', name: 'U' };
        const ratio = (c: ReturnType<typeof placementCosts>) => c.serving!.cloud / c.serving!['on-premises'];
        const base = placementCosts(input, owned, a, n);
        if (!(base.serving!['on-premises'] > 0)) return;
        // More volume: renting's share never grows against owning.
        expect(ratio(placementCosts({ ...input, requestsInProduction: u.requestsInProduction * k }, owned, a, n))).toBeGreaterThanOrEqual(ratio(base) * (1 - 1e-9));
        // Busier owned accelerators: the same.
        const u0 = typeof owned.sustainedGpuUtilization === 'number' ? owned.sustainedGpuUtilization : 0.5;
        const busier = Math.min(1, u0 + 0.2);
        expect(ratio(placementCosts(input, { ...owned, sustainedGpuUtilization: busier }, a, n))).toBeGreaterThanOrEqual(ratio(placementCosts(input, { ...owned, sustainedGpuUtilization: u0 }, a, n)) * (1 - 1e-9));
      }),
    );
  });

  it('agrees with the priced roadmap for a lone use case, egress aside: the same when its fleet is whole, never more (property)', () => {
    fc.assert(
      fc.property(organisationArb, assumptionsArb, fc.integer({ min: 1, max: 40 }), fc.boolean(), (anyOrg, a, accelerators, whole) => {
        // The comparison leaves the organisation's egress out: it is not one use case's to move.
        const org = { ...anyOrg, egressTbPerMonth: 0 };
        // serving only; a whole number of accelerators at the stated utilization, or a little less
        const util = Math.max(0.01, org.sustainedGpuUtilization!);
        const hours = 730 * util * (whole ? accelerators : accelerators - 0.5);
        const input: UseCaseCostInput = { id: 'u', name: 'U', task: 'vision', requestsNow: 0, requestsInProduction: hours * a.throughputVision };
        const costs = placementCosts(input, org, a, 1);
        const r = resolveRoadmap(org, [input], a);
        const priced = (serving: 'cloud' | 'on-premises' | 'edge') => priceRoadmap(r, [{ serving, training: null }], 'production', a).monthly;
        expectClose(costs.serving!.cloud, priced('cloud'));
        for (const place of ['on-premises', 'edge'] as const) {
          if (whole) expectClose(costs.serving![place], priced(place), 1e-6);
          else expect(costs.serving![place]).toBeLessThanOrEqual(priced(place) * (1 + 1e-9));
        }
      }),
    );
  });
});
