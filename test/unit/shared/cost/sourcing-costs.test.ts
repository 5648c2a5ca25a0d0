import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placementCosts, sourcingCosts, type UseCaseCostInput } from '../../../../shared/cost';
import { assumptionsArb } from './arbitraries';
import { DEFAULTS } from './fixtures';

/** A language model: 36,500,000 requests a month in production / 10,000 per accelerator-hour = 3,650 h. */
const drafting: UseCaseCostInput = { id: 'd', name: 'Drafting', task: 'language-generation', requestsNow: 1_000_000, requestsInProduction: 36_500_000 };

/** An owned fleet busy 80% of the time, 2 spare, a quarter of the fixed cost new (as in placement-costs.test.ts). */
const organisation = { sustainedGpuUtilization: 0.8, spareAccelerators: 2, existingOnPremCapacity: 'significant' };

const monthly = (costs: ReturnType<typeof sourcingCosts>) => Object.fromEntries(Object.entries(costs!.options).map(([k, v]) => [k, Math.round(v!.monthly * 100) / 100]));

describe('sourcingCosts', () => {
  it('prices each way of sourcing a use case at production volume: fees, or its own model with the people it needs', () => {
    // placementCosts: serving in the cloud 14,600, on-premises 13,177.08, at the edge 14,843.75 (nothing to train).
    // foundation-model APIs: 36,500,000 × 1,500 tokens × 0.005 / 1,000 = 273,750
    // managed platform: its 25% markup on the cheapest place, on-premises: 16,471.35 + a model team 15,000 = 31,471.35
    // custom platform: 13,177.08 + 15,000 + the whole platform (one use case) 30,000 = 58,177.08
    // industry solution: hosted by its vendor in the cloud, within the licence: 36,500,000 × 0.01 = 365,000
    // A pre-built API does not generate language, so it is not priced.
    const costs = sourcingCosts(drafting, organisation, DEFAULTS, 1);
    expect(monthly(costs)).toEqual({
      'foundation-model-apis': 273_750,
      'managed-ml-platform': 31_471.35,
      'custom-platform': 58_177.08,
      'industry-specific-solutions': 365_000,
    });
    expect(costs!.options['managed-ml-platform']).toMatchObject({ fees: 0, people: 15_000, servedAt: 'on-premises', trainedAt: null });
    expect(costs!.options['custom-platform']).toMatchObject({ people: 45_000, servedAt: 'on-premises' });
    expect(costs!.options['foundation-model-apis']).toMatchObject({ fees: 273_750, serving: 0, people: 0, servedAt: null });
    expect(costs!.requests).toBe(36_500_000);
  });

  it('prices a hosted API only for the tasks it does, and nothing consumed where the model must be customised deeply', () => {
    const vision = sourcingCosts({ ...drafting, task: 'vision' }, organisation, DEFAULTS, 1)!;
    expect(Object.keys(vision.options).sort()).toEqual(['custom-platform', 'industry-specific-solutions', 'managed-ml-platform', 'pre-built-apis']);
    // 36,500,000 × 0.001
    expect(vision.options['pre-built-apis']!.monthly).toBeCloseTo(36_500, 6);
    const tabular = sourcingCosts({ ...drafting, task: 'tabular-prediction' }, organisation, DEFAULTS, 1)!;
    expect(Object.keys(tabular.options).sort()).toEqual(['custom-platform', 'industry-specific-solutions', 'managed-ml-platform']);
    // A task not known is priced as language generation, the most demanding one.
    const unknown = sourcingCosts({ ...drafting, task: null }, organisation, DEFAULTS, 1)!;
    expect(unknown).toEqual(sourcingCosts(drafting, organisation, DEFAULTS, 1));
    const deep = sourcingCosts({ ...drafting, customization: 'high' }, organisation, DEFAULTS, 1)!;
    expect(Object.keys(deep.options).sort()).toEqual(['custom-platform', 'managed-ml-platform']);
  });

  it('prices a model of its own only where the constraints let it run, and a vendor’s solution on site when the cloud is ruled out', () => {
    // Only the data centre: the managed platform's markup applies there too; the vendor's solution runs on the
    // organisation's accelerators as well as its licence.
    const onSite = sourcingCosts(drafting, organisation, DEFAULTS, 1, { serving: ['on-premises'], training: ['on-premises'] })!;
    expect(onSite.options['managed-ml-platform']).toMatchObject({ servedAt: 'on-premises', serving: expect.closeTo(13_177.083333 * 1.25, 5) });
    expect(onSite.options['industry-specific-solutions']).toMatchObject({ fees: 365_000, servedAt: 'on-premises' });
    expect(onSite.options['industry-specific-solutions']!.monthly).toBeCloseTo(365_000 + 13_177.083333, 5);
    // Only the cloud: serving there costs 14,600, plus the markup on a managed platform.
    const rented = sourcingCosts(drafting, organisation, DEFAULTS, 1, { serving: ['cloud'], training: ['cloud'] })!;
    expect(rented.options['managed-ml-platform']!.monthly).toBeCloseTo(14_600 * 1.25 + 15_000, 6);
    expect(rented.options['custom-platform']!.monthly).toBeCloseTo(14_600 + 45_000, 6);
    expect(rented.options['industry-specific-solutions']!.monthly).toBe(365_000);
  });

  it('trains where training costs least, and shares the platform among the roadmap’s use cases', () => {
    // placement-costs.test.ts: with two use cases, serving on-premises 9,114.58, training in the cloud 2,160.80 (spot).
    const trained = sourcingCosts({ ...drafting, trainingGpuHours: 1_460, interruptionTolerance: 'high' }, organisation, DEFAULTS, 2)!;
    expect(trained.options['custom-platform']).toMatchObject({ servedAt: 'on-premises', trainedAt: 'cloud', people: 15_000 + 15_000 });
    expect(trained.options['custom-platform']!.monthly).toBeCloseTo(9_114.583333 + 2_160.8 + 30_000, 5);
    // The managed platform's markup makes rented training 2,701 there, still below owning it (4,895.83).
    expect(trained.options['managed-ml-platform']!.training).toBeCloseTo(2_160.8 * 1.25, 6);
  });

  it('has nothing to compare without requests', () => {
    expect(sourcingCosts({ id: 'x', name: 'X', trainingGpuHours: 100 }, organisation, DEFAULTS, 1)).toBeNull();
    expect(sourcingCosts({ ...drafting, requestsNow: 0, requestsInProduction: 0 }, organisation, DEFAULTS, 1)).toBeNull();
  });

  it('agrees with placementCosts on what a model of its own costs to run', () => {
    const places = placementCosts(drafting, organisation, DEFAULTS, 1);
    const custom = sourcingCosts(drafting, organisation, DEFAULTS, 1)!.options['custom-platform']!;
    expect(custom.serving).toBe(Math.min(...Object.values(places.serving!)));
  });

  it('more requests never make a hosted API or a licence relatively cheaper than a model of one’s own (property)', () => {
    fc.assert(
      fc.property(
        assumptionsArb,
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.constantFrom('language-generation', 'vision', 'speech', 'tabular-prediction', null),
        (a, requests, growth, task) => {
          // No spare accelerators: owning grows no cheaper per request as the volume grows.
          const org = { sustainedGpuUtilization: 0.6, spareAccelerators: 0 };
          const at = (R: number) => sourcingCosts({ ...drafting, task, requestsNow: R, requestsInProduction: R }, org, a, 3)!.options;
          const small = at(requests);
          const large = at(requests * growth);
          for (const consumed of ['pre-built-apis', 'foundation-model-apis', 'industry-specific-solutions'] as const) {
            for (const own of ['managed-ml-platform', 'custom-platform'] as const) {
              const s = small[consumed];
              const l = large[consumed];
              if (!s || !l || s.monthly < 1e-6) continue;
              // consumed / own never falls: cross-multiplied, with a little room for rounding.
              expect(l.monthly * small[own]!.monthly).toBeGreaterThanOrEqual(s.monthly * large[own]!.monthly * (1 - 1e-9));
            }
          }
        },
      ),
    );
  });
});
