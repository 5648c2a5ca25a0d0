import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEPLOYMENT_OPTIONS,
  breakdownTotal,
  cloudTrainingCost,
  priceRoadmap,
  resolveRoadmap,
  servesItself,
  trainsItself,
  type CostAssumptions,
  type CostRoadmap,
  type DeploymentOption,
  type OrganisationCostInput,
  type Placement,
  type PricedRoadmap,
  type UseCaseCostInput,
  type VolumeLevel,
} from '../../../../shared/cost';
import { assumptionsArb, expectClose, resolved, roadmapArb } from './arbitraries';
import { CONTRACTS, DEFAULTS, INSPECTION, PER_ACCELERATOR, SUPPORT, WORKED, WORKED_ORGANISATION } from './fixtures';

function price(roadmap: CostRoadmap, option: DeploymentOption, level: VolumeLevel, a: CostAssumptions = DEFAULTS): PricedRoadmap {
  return priceRoadmap(resolved(roadmap, a), roadmap.placements[option], level, a);
}

/** One use case under one placement, priced at production volume. */
function one(useCase: UseCaseCostInput, placement: Placement, organisation: OrganisationCostInput = {}, a: CostAssumptions = DEFAULTS): PricedRoadmap {
  return priceRoadmap(resolveRoadmap(organisation, [useCase], a), [placement], 'production', a);
}

const close = (v: number) => expect.closeTo(v, 6);

/*
 * The worked example, with the default assumptions. Fixed figures:
 *   one accelerator bought:     P / M = 30,000 / 36 = 833.33 USD a month
 *   its overhead:               o × P / M = 0.35 × 833.33 = 291.67 USD a month (so one owned accelerator costs 1,125)
 *   fixed cost of owning:       40,000 × 50% new ('some' capacity already) = 20,000 USD a month from a server (8 accelerators) of work
 *   busy hours per accelerator: 730 × 0.5 = 365 a month
 *   foundation-model call:      1,500 tokens × 0.005 / 1,000 = 0.0075 USD
 *   egress:                     10 TB = 10,000 GB × 0.09 = 900 USD a month, on the rented share of the self-hosted hours
 *
 * Load at production volume (pilot in brackets):
 *   Support assistant  2,000,000 calls (200,000) to a foundation-model API: 15,000 USD (1,500), nothing self-hosted
 *   Visual inspection  365,000,000 / 1,000,000 = 365 serving h (73 h); 730 training h, 90% interruptible
 *   Contract review    3,650,000 / 10,000 = 365 serving h (36.5 h); 365 training h, 50% interruptible; managed platform +25%
 */
describe('priceRoadmap: the worked example at production volume', () => {
  it('cloud: everything rented, spot on the interruptible training, egress by rented hours', () => {
    // Support assistant: apis 2,000,000 × 0.0075 = 15,000
    // Visual inspection: inference 4 × 365 = 1,460; training 4 × 730 × (1 − 0.7 × 0.9) = 2,920 × 0.37 = 1,080.40;
    //   rents 365 + 730 = 1,095 h
    // Contract review: inference 4 × 365 × 1.25 = 1,825; training 4 × 365 × (1 − 0.7 × 0.5) × 1.25 = 1,186.25; rents 730 h
    // egress 900 over 1,825 rented h: inspection 900 × 1,095 / 1,825 = 540, contracts 900 × 730 / 1,825 = 360
    // totals 15,000 + (1,460 + 1,080.40 + 540 = 3,080.40) + (1,825 + 1,186.25 + 360 = 3,371.25) = 21,451.65
    const cloud = price(WORKED, 'cloud', 'production');
    expect(cloud.useCases.map((u) => u.name)).toEqual(['Support assistant', 'Visual inspection', 'Contract review']);
    expect(cloud.useCases[0]!.breakdown).toEqual({ training: 0, inference: 0, apis: close(15_000), egress: 0, overhead: 0, operations: 0 });
    expect(cloud.useCases[1]!.breakdown).toEqual({ training: close(1_080.4), inference: 1_460, apis: 0, egress: close(540), overhead: 0, operations: 0 });
    expect(cloud.useCases[2]!.breakdown).toEqual({ training: close(1_186.25), inference: 1_825, apis: 0, egress: close(360), overhead: 0, operations: 0 });
    expect(cloud.useCases.map((u) => u.monthly)).toEqual([close(15_000), close(3_080.4), close(3_371.25)]);
    expect(cloud.monthly).toBeCloseTo(21_451.65, 6);
    expect(cloud.accelerators).toEqual({ dataCentre: 0, spareUsed: 0, bought: 0, edge: 0 });
  });

  it('on-premises: one pooled data-centre fleet, spare accelerators first, a device at the sites, the fixed cost once', () => {
    // data centre: inspection training 730 h + contracts serving 365 h + contracts training 365 h = 1,460 h
    //   → 1,460 / 365 = 4 accelerators: 2 spare, 2 bought = 1,666.67; overhead on all 4 = 4 × 291.67 = 1,166.67
    //   split by hours: inspection training ½ (833.33 + 583.33 overhead), contracts serving ¼ and training ¼
    //   (416.67 each, and 291.67 overhead each)
    // sites: inspection serving 365 h → 1 device of its own: 833.33, overhead 291.67 (no spare accelerators there)
    // operations: 1,825 owned h = 1,825 / 365 = 5 accelerators' worth, 5/8 of a server → 20,000 × 5/8 = 12,500,
    //   split by owned hours: inspection 1,095 / 1,825 = 60% → 7,500; contracts 40% → 5,000
    // egress: nothing is rented, so no data leaves the cloud → 0
    // inspection 833.33 + 833.33 + 583.33 + 291.67 + 7,500 = 10,041.67; contracts 416.67 × 2 + 583.33 + 5,000 = 6,416.67
    // total 15,000 + 10,041.67 + 6,416.67 = 31,458.33
    const owned = price(WORKED, 'on-premises', 'production');
    expect(owned.accelerators).toEqual({ dataCentre: 4, spareUsed: 2, bought: 2, edge: 1 });
    expect(owned.useCases[1]!.breakdown).toEqual({
      training: close(PER_ACCELERATOR),
      inference: close(PER_ACCELERATOR),
      apis: 0,
      egress: 0,
      overhead: close(583.333333 + 291.666667),
      operations: close(7_500),
    });
    expect(owned.useCases[2]!.breakdown).toEqual({
      training: close(416.666667),
      inference: close(416.666667),
      apis: 0,
      egress: 0,
      overhead: close(583.333333),
      operations: close(5_000),
    });
    expect(owned.useCases.map((u) => u.monthly)).toEqual([close(15_000), close(10_041.666667), close(6_416.666667)]);
    expect(owned.breakdown).toEqual({
      training: close(1_250),
      inference: close(1_250),
      apis: close(15_000),
      egress: 0,
      overhead: close(1_458.333333),
      operations: close(12_500),
    });
    expect(owned.monthly).toBeCloseTo(31_458.333333, 6);
  });

  it('hybrid: the inspection served at the sites and trained in the cloud, contracts on spare accelerators', () => {
    // inspection: training rented 1,080.40 (730 h); 1 device at the sites 833.33 + 291.67
    // contracts: 730 h in the data centre → 2 accelerators, both spare → nothing bought; overhead 2 × 291.67 = 583.33
    // operations: 365 + 730 = 1,095 owned h = 3 accelerators' worth → 20,000 × 3/8 = 7,500: inspection ⅓ = 2,500,
    //   contracts ⅔ = 5,000
    // egress: 730 of the 1,825 self-hosted hours are rented → 900 × 0.4 = 360, all the inspection's
    // inspection 1,080.40 + 833.33 + 291.67 + 2,500 + 360 = 5,065.40; contracts 583.33 + 5,000 = 5,583.33
    // total 15,000 + 5,065.40 + 5,583.33 = 25,648.73
    const hybrid = price(WORKED, 'hybrid', 'production');
    expect(hybrid.accelerators).toEqual({ dataCentre: 2, spareUsed: 2, bought: 0, edge: 1 });
    expect(hybrid.useCases[1]!.breakdown).toEqual({
      training: close(1_080.4),
      inference: close(PER_ACCELERATOR),
      apis: 0,
      egress: close(360),
      overhead: close(291.666667),
      operations: close(2_500),
    });
    expect(hybrid.useCases[2]!.breakdown).toEqual({ training: 0, inference: 0, apis: 0, egress: 0, overhead: close(583.333333), operations: close(5_000) });
    expect(hybrid.monthly).toBeCloseTo(25_648.733333, 6);
    expect(hybrid.useCases.map((u) => u.placement)).toEqual(WORKED.placements.hybrid);
  });
});

describe('priceRoadmap: the worked example at pilot volume', () => {
  it('prices today’s requests with the same training', () => {
    // cloud: apis 200,000 × 0.0075 = 1,500; inspection 4 × 73 = 292 + 1,080.40; contracts 4 × 36.5 × 1.25 = 182.50
    //   + 1,186.25; egress 900 split 803 : 401.5 rented h (2 : 1) → 600 and 300; total 5,141.15
    const cloud = price(WORKED, 'cloud', 'pilot');
    expect(cloud.useCases.map((u) => u.monthly)).toEqual([close(1_500), close(1_972.4), close(1_668.75)]);
    expect(cloud.monthly).toBeCloseTo(5_141.15, 6);
    // on-premises: data centre 730 + 36.5 + 365 = 1,131.5 h → 3.1 → 4 accelerators (2 spare, 2 bought)
    //   = 1,666.67 + 1,166.67 overhead; sites 73 h → 1 device = 1,125; owned 1,204.5 h = 3.3 accelerators' worth
    //   → 20,000 × 3.3 / 8 = 8,250; total 1,500 + 1,666.67 + 1,166.67 + 1,125 + 8,250 = 13,708.33
    const owned = price(WORKED, 'on-premises', 'pilot');
    expect(owned.accelerators).toEqual({ dataCentre: 4, spareUsed: 2, bought: 2, edge: 1 });
    expect(owned.breakdown.operations).toBeCloseTo(8_250, 6);
    expect(owned.monthly).toBeCloseTo(13_708.333333, 6);
    // hybrid: sites 1,125; training rented 1,080.40; data centre 401.5 h → 2 spare, overhead 583.33; owned 474.5 h
    //   = 1.3 accelerators' worth → 3,250; egress 900 × 730 / 1,204.5 = 545.45; total 8,084.19
    const hybrid = price(WORKED, 'hybrid', 'pilot');
    expect(hybrid.breakdown.egress).toBeCloseTo(6_000 / 11, 6);
    expect(hybrid.monthly).toBeCloseTo(1_500 + 1_125 + 1_080.4 + 583.333333 + 3_250 + 6_000 / 11, 6);
  });
});

describe('priceRoadmap: what each use case pays for', () => {
  const calls = 1_000_000;

  it('prices hosted APIs per call or per token, and owns nothing for them wherever the option puts it', () => {
    const api = (sourcing: string) => ({ id: 'x', name: 'X', task: 'vision', requestsNow: 0, requestsInProduction: calls, sourcing });
    const served: Placement = { serving: 'on-premises', training: 'on-premises' };
    // 1,000,000 × 0.001 = 1,000; 1,000,000 × 1,500 × 0.005 / 1,000 = 7,500
    expect(one(api('pre-built-apis'), served).breakdown).toEqual({ training: 0, inference: 0, apis: close(1_000), egress: 0, overhead: 0, operations: 0 });
    expect(one(api('foundation-model-apis'), served).breakdown.apis).toBeCloseTo(7_500, 9);
    expect(one(api('foundation-model-apis'), served).accelerators).toEqual({ dataCentre: 0, spareUsed: 0, bought: 0, edge: 0 });
    expect(one({ ...api('foundation-model-apis'), trainingGpuHours: 500 }, served).breakdown.training).toBe(0);
  });

  it('prices an industry solution per transaction; in the cloud its vendor hosts it, elsewhere it runs on owned accelerators', () => {
    // 1,000,000 × 0.01 = 10,000 licence; on-premises 1,000,000 / 1,000,000 = 1 h → 1 accelerator at 50% (833.33 + 291.67)
    const vendor = { id: 'v', name: 'Vendor', task: 'industry-task', requestsNow: 0, requestsInProduction: calls, sourcing: 'industry-specific-solutions' };
    expect(one(vendor, { serving: 'cloud', training: null }).breakdown).toEqual({ training: 0, inference: 0, apis: close(10_000), egress: 0, overhead: 0, operations: 0 });
    const onPremises = one(vendor, { serving: 'on-premises', training: null }, { existingOnPremCapacity: 'none' });
    expect(onPremises.breakdown.apis).toBeCloseTo(10_000, 9);
    expect(onPremises.breakdown.inference).toBeCloseTo(PER_ACCELERATOR, 9);
    expect(onPremises.accelerators.dataCentre).toBe(1);
    // and a vendor trains its own model: the room's training hours are not priced
    expect(one({ ...vendor, trainingGpuHours: 500 }, { serving: 'cloud', training: 'cloud' }).breakdown.training).toBe(0);
  });

  it('adds the managed platform’s markup to what it rents, not to what is owned', () => {
    const managed = { ...CONTRACTS, interruptionTolerance: 'none' };
    // rented: 4 × 365 × 1.25 = 1,825 serving; 4 × 365 × 1.25 = 1,825 training
    const rented = one(managed, { serving: 'cloud', training: 'cloud' });
    expect(rented.breakdown.inference).toBeCloseTo(1_825, 9);
    expect(rented.breakdown.training).toBeCloseTo(1_825, 9);
    // owned at 50%: 730 h → 2 accelerators, bought without markup (organisation: nothing spare, no fixed cost)
    const owned = one(managed, { serving: 'on-premises', training: 'on-premises' }, { sustainedGpuUtilization: 0.5 }, { ...DEFAULTS, onPremisesFixedMonthly: 0 });
    expect(owned.breakdown.training + owned.breakdown.inference).toBeCloseTo(2 * PER_ACCELERATOR, 9);
  });

  it('puts each use case served at the sites on devices of its own, where the data centre pools them', () => {
    // two use cases of 182.5 h each at 50%: ½ an accelerator each → 1 pooled in the data centre, 2 devices at the sites
    const half = { ...INSPECTION, requestsInProduction: 182_500_000, trainingGpuHours: 0 };
    const organisation = { sustainedGpuUtilization: 0.5 };
    const r = resolveRoadmap(organisation, [half, { ...half, id: 'b' }], DEFAULTS);
    const pooled = priceRoadmap(r, [{ serving: 'on-premises', training: null }, { serving: 'on-premises', training: null }], 'production', DEFAULTS);
    const sites = priceRoadmap(r, [{ serving: 'edge', training: null }, { serving: 'edge', training: null }], 'production', DEFAULTS);
    expect(pooled.accelerators).toEqual({ dataCentre: 1, spareUsed: 0, bought: 1, edge: 0 });
    expect(sites.accelerators).toEqual({ dataCentre: 0, spareUsed: 0, bought: 0, edge: 2 });
    expect(sites.breakdown.inference).toBeCloseTo(2 * PER_ACCELERATOR, 9);
    // the fixed cost follows the work, not the devices: 365 h = 1 accelerator's worth → 40,000 / 8 = 5,000 either way
    expect(pooled.breakdown.operations).toBeCloseTo(5_000, 9);
    expect(sites.breakdown.operations).toBeCloseTo(5_000, 9);
  });

  it('uses spare accelerators before buying, still paying their overhead; the sites get none', () => {
    // 730 h at 50% → 2 accelerators; 5 spare: none bought, overhead 2 × 291.67
    const organisation = { sustainedGpuUtilization: 0.5, spareAccelerators: 5, existingOnPremCapacity: 'significant' };
    const serving = { ...INSPECTION, requestsInProduction: 730_000_000, trainingGpuHours: 0 };
    const dc = one(serving, { serving: 'on-premises', training: null }, organisation);
    expect(dc.accelerators).toEqual({ dataCentre: 2, spareUsed: 2, bought: 0, edge: 0 });
    expect(dc.breakdown.inference).toBe(0);
    expect(dc.breakdown.overhead).toBeCloseTo(2 * 0.35 * PER_ACCELERATOR, 9);
    // 40,000 × 25% new ('significant') × 2 / 8 = 2,500
    expect(dc.breakdown.operations).toBeCloseTo(2_500, 9);
    const edge = one(serving, { serving: 'edge', training: null }, organisation);
    expect(edge.accelerators).toEqual({ dataCentre: 0, spareUsed: 0, bought: 0, edge: 2 });
    expect(edge.breakdown.inference).toBeCloseTo(2 * PER_ACCELERATOR, 9);
  });

  it('carries the whole fixed cost from a server’s worth of owned work, and none when nothing is owned', () => {
    const organisation = { sustainedGpuUtilization: 1, existingOnPremCapacity: 'none' };
    const training = (hours: number) => one({ id: 't', name: 'T', trainingGpuHours: hours, sourcing: 'custom-platform' }, { serving: null, training: 'on-premises' }, organisation);
    // 730 h at 100% = 1 accelerator → ⅛ of 40,000; 8 × 730 h and more → all of it
    expect(training(730).breakdown.operations).toBeCloseTo(5_000, 9);
    expect(training(8 * 730).breakdown.operations).toBeCloseTo(40_000, 9);
    expect(training(80 * 730).breakdown.operations).toBeCloseTo(40_000, 9);
    expect(one({ id: 't', name: 'T', trainingGpuHours: 730 }, { serving: null, training: 'cloud' }, organisation).breakdown.operations).toBe(0);
  });

  it('splits egress over the rented hours; owned work sends none, and neither do hosted APIs alone', () => {
    // all of inspection rented and contracts owned: 1,095 of 1,825 self-hosted hours rented → 900 × 0.6 = 540
    const r = resolved(WORKED, DEFAULTS);
    const mixed = priceRoadmap(r, [{ serving: null, training: null }, { serving: 'cloud', training: 'cloud' }, { serving: 'on-premises', training: 'on-premises' }], 'production', DEFAULTS);
    expect(mixed.useCases.map((u) => u.breakdown.egress)).toEqual([0, close(540), 0]);
    // only the API: the provider moves its data within its price, so nothing of the 900 is the roadmap's
    const apisOnly = resolveRoadmap(WORKED_ORGANISATION, [SUPPORT], DEFAULTS);
    const priced = priceRoadmap(apisOnly, [{ serving: null, training: null }], 'production', DEFAULTS);
    expect(priced.breakdown.egress).toBe(0);
    expect(priced.monthly).toBeCloseTo(priced.breakdown.apis, 9);
    // nothing runs at all: nothing leaves the cloud
    const idle = resolveRoadmap(WORKED_ORGANISATION, [{ ...SUPPORT, requestsNow: 0, requestsInProduction: 0 }], DEFAULTS);
    expect(priceRoadmap(idle, [{ serving: null, training: null }], 'production', DEFAULTS).monthly).toBe(0);
  });

  it('prices everything on demand when asked, and rents a use case with no placement given', () => {
    const r = resolved(WORKED, DEFAULTS);
    // on demand: inspection training 4 × 730 = 2,920, contracts 4 × 365 × 1.25 = 1,825 → 21,451.65 + 1,839.60 + 638.75 = 23,930
    const onDemand = priceRoadmap(r, WORKED.placements.cloud, 'production', DEFAULTS, { pricing: 'on-demand' });
    expect(onDemand.useCases.map((u) => u.breakdown.training)).toEqual([0, close(2_920), close(1_825)]);
    expect(onDemand.monthly).toBeCloseTo(23_930, 6);
    expect(priceRoadmap(r, [], 'production', DEFAULTS).monthly).toBeCloseTo(price(WORKED, 'cloud', 'production').monthly, 9);
  });

  it('prices owned fleets at another utilization, and another volume, when asked', () => {
    const r = resolved(WORKED, DEFAULTS);
    // at 100%: data centre 1,460 h → 2 accelerators (spare); sites 1 device; operations 1,825 / 730 = 2.5 → 6,250
    const full = priceRoadmap(r, WORKED.placements['on-premises'], 'production', DEFAULTS, { utilization: 1 });
    expect(full.accelerators).toEqual({ dataCentre: 2, spareUsed: 2, bought: 0, edge: 1 });
    expect(full.monthly).toBeCloseTo(15_000 + 583.333333 + 1_125 + 6_250, 6);
    const pilotAsProduction = priceRoadmap(r, WORKED.placements.cloud, 'production', DEFAULTS, { scale: (u) => u.requests.pilot });
    expect(pilotAsProduction).toEqual(price(WORKED, 'cloud', 'pilot'));
  });
});

describe('priceRoadmap: properties', () => {
  const levels: VolumeLevel[] = ['pilot', 'production'];

  it('adds up: parts to each use case, use cases to the total, nothing negative (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        for (const option of DEPLOYMENT_OPTIONS) {
          for (const level of levels) {
            const p = price(roadmap, option, level, a);
            expect(breakdownTotal(p.breakdown)).toBe(p.monthly);
            for (const u of p.useCases) {
              expect(breakdownTotal(u.breakdown)).toBe(u.monthly);
              for (const part of Object.values(u.breakdown)) expect(part).toBeGreaterThanOrEqual(0);
            }
            expectClose(
              p.useCases.reduce((s, u) => s + u.monthly, 0),
              p.monthly,
            );
            // (== rather than toBe: a load of a billionth of an accelerator is a fleet of -0)
            expect(p.accelerators.spareUsed + p.accelerators.bought == p.accelerators.dataCentre).toBe(true);
            expect(Number.isInteger(p.accelerators.dataCentre) && Number.isInteger(p.accelerators.edge)).toBe(true);
          }
        }
      }),
    );
  });

  it('takes exactly the spot discount off the interruptible share of rented training (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        const r = resolved(roadmap, a);
        const spot = priceRoadmap(r, roadmap.placements.cloud, 'production', a);
        const onDemand = priceRoadmap(r, roadmap.placements.cloud, 'production', a, { pricing: 'on-demand' });
        // Σ over use cases that train their own models: d × c × T × s × (1 + markup on a managed platform)
        const expected = r.useCases.reduce(
          (s, u) => (trainsItself(u) ? s + a.spotDiscount * a.cloudHourlyPrice * u.trainingHours * u.interruptibleShare * (u.sourcing === 'managed-ml-platform' ? 1 + a.managedPlatformMarkup : 1) : s),
          0,
        );
        expect(Math.abs(onDemand.monthly - spot.monthly - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, onDemand.monthly));
        r.useCases.forEach((u, i) => {
          // only training moves; with no interruptible share it does not move at all
          expect(spot.useCases[i]!.breakdown.inference).toBe(onDemand.useCases[i]!.breakdown.inference);
          if (u.interruptibleShare === 0) expect(spot.useCases[i]!.breakdown.training).toBe(onDemand.useCases[i]!.breakdown.training);
          if (trainsItself(u)) expect(spot.useCases[i]!.breakdown.training).toBe(cloudTrainingCost(u, a, 'spot'));
        });
      }),
    );
  });

  it('rents linearly with volume: every volume × k costs the cloud option k × as much (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, fc.double({ min: 0.01, max: 1_000, noNaN: true }), (roadmap, a, k) => {
        const scaled: CostRoadmap = {
          ...roadmap,
          organisation: { ...roadmap.organisation, egressTbPerMonth: roadmap.organisation.egressTbPerMonth! * k },
          useCases: roadmap.useCases.map((u) => ({
            ...u,
            requestsNow: u.requestsNow! * k,
            requestsInProduction: u.requestsInProduction! * k,
            trainingGpuHours: u.trainingGpuHours! * k,
          })),
        };
        for (const level of levels) {
          const base = price(roadmap, 'cloud', level, a);
          const big = price(scaled, 'cloud', level, a);
          expectClose(big.monthly, k * base.monthly);
          for (const part of ['training', 'inference', 'apis', 'egress'] as const) expectClose(big.breakdown[part], k * base.breakdown[part]);
          expect(big.accelerators).toEqual({ dataCentre: 0, spareUsed: 0, bought: 0, edge: 0 });
        }
      }),
    );
  });

  it('makes owning relatively cheaper as utilization rises: the cloud / on-premises ratio never falls (property)', () => {
    const u = fc.double({ min: 0.01, max: 1, noNaN: true });
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, u, u, (roadmap, a, u1, u2) => {
        const [low, high] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const r = resolved(roadmap, a);
        const at = (utilization: number, option: DeploymentOption) => priceRoadmap(r, roadmap.placements[option], 'production', a, { utilization }).monthly;
        const ownedLow = at(low, 'on-premises');
        const ownedHigh = at(high, 'on-premises');
        expect(ownedHigh).toBeLessThanOrEqual(ownedLow * (1 + 1e-12));
        expect(at(high, 'cloud')).toBe(at(low, 'cloud'));
        if (ownedHigh > 0) expect(at(high, 'cloud') / ownedHigh).toBeGreaterThanOrEqual((at(low, 'cloud') / ownedLow) * (1 - 1e-12));
      }),
    );
  });

  it('owns nothing for a use case a provider serves (property)', () => {
    fc.assert(
      fc.property(roadmapArb, assumptionsArb, (roadmap, a) => {
        const r = resolved(roadmap, a);
        for (const option of DEPLOYMENT_OPTIONS) {
          const p = priceRoadmap(r, roadmap.placements[option], 'production', a);
          r.useCases.forEach((u, i) => {
            if (servesItself(u)) return;
            const b = p.useCases[i]!.breakdown;
            expect(b.training + b.inference + b.overhead + b.operations).toBe(0);
          });
        }
      }),
    );
  });
});
