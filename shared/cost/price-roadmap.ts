import type { CostAssumptions } from './cost-assumptions';
import { addBreakdown, breakdownTotal, emptyBreakdown, type CostBreakdown } from './cost-breakdown';
import { amortizedHardwarePerAccelerator, fleetSize } from './fleet-size';
import { HOURS_PER_MONTH, SERVER_ACCELERATORS, type Placement } from './roadmap-inputs';
import type { ResolvedRoadmap, ResolvedUseCase } from './resolve-roadmap';

/** Which volume to price: the pilot's (requests now) or production's. */
export type VolumeLevel = 'pilot' | 'production';

/** One use case's share of a priced roadmap. */
export interface PricedUseCase {
  id: string;
  name: string;
  monthly: number;
  breakdown: CostBreakdown;
  placement: Placement;
}

/** Accelerators an option owns: in the data centre (from spare first, then bought) and at the sites. */
export interface OwnedAccelerators {
  dataCentre: number;
  /** Of the data centre's, how many are spare ones already owned, and how many are bought. */
  spareUsed: number;
  bought: number;
  edge: number;
}

/** A roadmap priced under one placement of its use cases at one volume. */
export interface PricedRoadmap {
  monthly: number;
  breakdown: CostBreakdown;
  accelerators: OwnedAccelerators;
  useCases: PricedUseCase[];
}

/** How renting is priced: spot for interruptible training, or all on demand. */
export type CloudPricing = 'spot' | 'on-demand';

function apiFees(u: ResolvedUseCase, requests: number, a: CostAssumptions): number {
  if (u.sourcing === 'pre-built-apis') return requests * a.prebuiltApiPricePerCall;
  if (u.sourcing === 'foundation-model-apis') return (requests * a.tokensPerRequest * a.foundationModelPricePerThousandTokens) / 1000;
  if (u.sourcing === 'industry-specific-solutions') return requests * a.industrySolutionPricePerCall;
  return 0;
}

/** Whether the use case runs models on accelerators someone rents or owns for it (a provider's API does not). */
export function servesItself(u: Pick<ResolvedUseCase, 'sourcing'>): boolean {
  return u.sourcing !== 'pre-built-apis' && u.sourcing !== 'foundation-model-apis';
}

/** Whether it trains models of its own (on a platform, managed or built): a provider or vendor trains theirs. */
export function trainsItself(u: Pick<ResolvedUseCase, 'sourcing' | 'trainingHours'>): boolean {
  return u.trainingHours > 0 && (u.sourcing === 'managed-ml-platform' || u.sourcing === 'custom-platform');
}

/**
 * Rented training per month: c × T × (1 − d × s) with spot for the interruptible share s (c × T on demand),
 * × (1 + markup) on a managed platform.
 */
export function cloudTrainingCost(u: ResolvedUseCase, a: CostAssumptions, pricing: CloudPricing): number {
  const markup = u.sourcing === 'managed-ml-platform' ? 1 + a.managedPlatformMarkup : 1;
  const spot = pricing === 'spot' ? 1 - a.spotDiscount * u.interruptibleShare : 1;
  return a.cloudHourlyPrice * u.trainingHours * spot * markup;
}

/**
 * Prices a roadmap with each use case where `placements` puts it, at one volume (see shared/cost/README.md):
 * per-call fees for APIs and vendors' solutions; rented accelerator-hours for cloud work (a vendor's solution in
 * the cloud is hosted by the vendor, within its licence); data-centre work pooled on one owned fleet sized at the
 * utilization (spare accelerators first, then bought), each site's serving on its own devices; the fixed cost of an
 * owned estate once if anything is owned (its share when the work fills less than one server); egress on the cloud's share of the self-hosted accelerator-hours (none when nothing is self-hosted). Every shared cost
 * is split over the use cases by the hours that caused it, so the use cases add up to the total.
 */
export function priceRoadmap(
  roadmap: ResolvedRoadmap,
  placements: readonly Placement[],
  level: VolumeLevel,
  a: CostAssumptions,
  options: { utilization?: number; pricing?: CloudPricing; scale?: (u: ResolvedUseCase) => number } = {},
): PricedRoadmap {
  const u = options.utilization ?? roadmap.utilization;
  const pricing = options.pricing ?? 'spot';
  const perAccelerator = amortizedHardwarePerAccelerator(a);
  const rows = roadmap.useCases.map((uc, i) => {
    const placement = placements[i] ?? { serving: 'cloud', training: 'cloud' };
    const requests = options.scale ? options.scale(uc) : uc.requests[level];
    const breakdown = emptyBreakdown();
    breakdown.apis = apiFees(uc, requests, a);
    const servingHours = servesItself(uc) ? requests / uc.throughput : 0;
    const markup = uc.sourcing === 'managed-ml-platform' ? 1 + a.managedPlatformMarkup : 1;
    let dcServing = 0;
    let edgeServing = 0;
    let cloudHours = 0;
    // A vendor's solution run in the cloud is the vendor's hosted service: its licence pays for the hosting.
    const hostedByVendor = uc.sourcing === 'industry-specific-solutions' && (placement.serving ?? 'cloud') === 'cloud';
    if (servingHours > 0 && !hostedByVendor) {
      const at = placement.serving ?? 'cloud';
      if (at === 'cloud') {
        breakdown.inference = a.cloudHourlyPrice * servingHours * markup;
        cloudHours += servingHours;
      } else if (at === 'on-premises') dcServing = servingHours;
      else edgeServing = servingHours;
    }
    let dcTraining = 0;
    if (trainsItself(uc) && placement.training !== null) {
      if (placement.training === 'cloud') {
        breakdown.training = cloudTrainingCost(uc, a, pricing);
        cloudHours += uc.trainingHours;
      } else dcTraining = uc.trainingHours;
    }
    return { uc, placement, breakdown, dcServing, dcTraining, edgeServing, cloudHours, calls: requests > 0 && !servesItself(uc) };
  });

  // The data centre's pooled fleet: spare accelerators first, the rest bought; split by the hours that use it.
  const dcHours = rows.reduce((s, r) => s + r.dcServing + r.dcTraining, 0);
  const dataCentre = fleetSize(dcHours, u);
  const spareUsed = Math.min(dataCentre, roadmap.spareAccelerators);
  const bought = dataCentre - spareUsed;
  const dcHardware = bought * perAccelerator;
  const dcOverhead = a.onPremisesOverheadRatio * dataCentre * perAccelerator;
  let edge = 0;
  let ownedHours = dcHours;
  for (const r of rows) {
    if (dcHours > 0) {
      r.breakdown.training += (dcHardware * r.dcTraining) / dcHours;
      r.breakdown.inference += (dcHardware * r.dcServing) / dcHours;
      r.breakdown.overhead += (dcOverhead * (r.dcTraining + r.dcServing)) / dcHours;
    }
    // Each use case served at the sites has devices of its own there: they cannot be pooled with the data centre.
    if (r.edgeServing > 0) {
      const devices = fleetSize(r.edgeServing, u);
      edge += devices;
      r.breakdown.inference += devices * perAccelerator;
      r.breakdown.overhead += a.onPremisesOverheadRatio * devices * perAccelerator;
      ownedHours += r.edgeServing;
    }
  }
  // The fixed cost of running an owned estate, once (its share below one full server), split by owned hours.
  if (ownedHours > 0) {
    const operations = a.onPremisesFixedMonthly * roadmap.newFixedCostShare * Math.min(1, ownedHours / (HOURS_PER_MONTH * u) / SERVER_ACCELERATORS);
    for (const r of rows) r.breakdown.operations += (operations * (r.dcServing + r.dcTraining + r.edgeServing)) / ownedHours;
  }
  // Egress: the cloud's share of the self-hosted accelerator-hours. Work a provider or vendor runs moves its data
  // within their price, so a roadmap of hosted APIs alone has none of its own.
  const selfHosted = ownedHours + rows.reduce((s, r) => s + r.cloudHours, 0);
  const egress = roadmap.egressGb * a.egressPricePerGb;
  if (egress > 0 && selfHosted > 0) for (const r of rows) r.breakdown.egress += (egress * r.cloudHours) / selfHosted;
  const breakdown = emptyBreakdown();
  const useCases: PricedUseCase[] = rows.map((r) => {
    addBreakdown(breakdown, r.breakdown);
    return { id: r.uc.id, name: r.uc.name, monthly: breakdownTotal(r.breakdown), breakdown: r.breakdown, placement: r.placement };
  });
  return { monthly: breakdownTotal(breakdown), breakdown, accelerators: { dataCentre, spareUsed, bought, edge }, useCases };
}
