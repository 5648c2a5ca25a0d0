import type { CostAssumptions } from './cost-assumptions';
import { amortizedHardwarePerAccelerator } from './fleet-size';
import { priceRoadmap, servesItself, trainsItself } from './price-roadmap';
import { HOURS_PER_MONTH, MIN_UTILIZATION, SERVER_ACCELERATORS, type Placement } from './roadmap-inputs';
import type { ResolvedRoadmap } from './resolve-roadmap';

/** Every self-hosted part rented, or every one owned (in the data centre): the two estates the breakeven compares. */
export function allCloud(roadmap: ResolvedRoadmap): Placement[] {
  return roadmap.useCases.map((u) => ({ serving: 'cloud', training: trainsItself(u) ? 'cloud' : null }));
}

export function allOwned(roadmap: ResolvedRoadmap): Placement[] {
  return roadmap.useCases.map((u) => ({ serving: 'on-premises', training: trainsItself(u) ? 'on-premises' : null }));
}

/**
 * Owning the roadmap's self-hosted work at utilization u, with the fleet counted in fractions of an accelerator:
 * (max(0, H / (730 u) − S) × P / M) + o × H / (730 u) × P / M + F × min(1, H / (730 u) / 8), for H the work's
 * accelerator-hours, S the spare accelerators and F the fixed cost of an owned estate of a server or more.
 */
function ownedAt(hours: number, u: number, roadmap: ResolvedRoadmap, a: CostAssumptions): number {
  const fleet = hours / (HOURS_PER_MONTH * u);
  const perAccelerator = amortizedHardwarePerAccelerator(a);
  const fixed = a.onPremisesFixedMonthly * roadmap.newFixedCostShare * Math.min(1, fleet / SERVER_ACCELERATORS);
  return Math.max(0, fleet - roadmap.spareAccelerators) * perAccelerator + a.onPremisesOverheadRatio * fleet * perAccelerator + fixed;
}

/**
 * The sustained utilization above which owning the roadmap's self-hosted work (at production volume) costs less
 * than renting it, or null when owning never wins up to 100%, or when nothing is self-hosted. Owning costs less
 * the busier its fleet, so the crossing is found by bisection to a millionth. API fees are the same either way and
 * do not enter; spot training, a managed platform's markup and egress do (renting is priced as the cost model
 * prices the cloud).
 */
export function breakevenUtilization(roadmap: ResolvedRoadmap, a: CostAssumptions): number | null {
  const cloud = priceRoadmap(roadmap, allCloud(roadmap), 'production', a);
  // Owning avoids the rented hours and the egress out of the cloud (all of it when every hour is owned).
  const rent = cloud.breakdown.training + cloud.breakdown.inference + cloud.breakdown.egress;
  // Vendors' solutions are hosted by the vendor in the cloud (within the licence): only your own models compare,
  // served or trained.
  const hours = roadmap.useCases.reduce(
    (s, u) => s + (servesItself(u) && u.sourcing !== 'industry-specific-solutions' ? u.requests.production / u.throughput : 0) + (trainsItself(u) ? u.trainingHours : 0),
    0,
  );
  if (hours <= 0 || ownedAt(hours, 1, roadmap, a) > rent) return null;
  // No fleet is sized below MIN_UTILIZATION (a fraction, as every utilization here): owning that wins even there wins from it.
  let lo = MIN_UTILIZATION;
  let hi = 1;
  if (ownedAt(hours, lo, roadmap, a) <= rent) return lo;
  while (hi - lo > 1e-7) {
    const mid = (lo + hi) / 2;
    if (ownedAt(hours, mid, roadmap, a) <= rent) hi = mid;
    else lo = mid;
  }
  return hi;
}
