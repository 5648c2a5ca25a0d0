import type { CostAssumptions } from './cost-assumptions';
import { amortizedHardwarePerAccelerator } from './fleet-size';
import { cloudTrainingCost } from './price-roadmap';
import { HOURS_PER_MONTH, SERVER_ACCELERATORS, type OrganisationCostInput, type ServingPlace, type TrainingPlace, type UseCaseCostInput } from './roadmap-inputs';
import { resolveRoadmap } from './resolve-roadmap';

/** What one use case costs a month at production volume in each place it could serve and train, for comparing them. */
export interface PlacementCosts {
  /** Serving its own model there (null when no request volume is given). */
  serving: Record<ServingPlace, number> | null;
  /** Training it there (null when it trains nothing, or its hours are not given). */
  training: Record<TrainingPlace, number> | null;
  /** Requests a month in production and accelerator-hours of training, as priced. */
  requests: number;
  trainingHours: number;
}

/**
 * One use case's cost in each place, at production volume, as the engine compares placements: renting bills the
 * hours used; owning sizes its accelerators in fractions at the stated utilization and carries an even share (one
 * use case's in `roadmapSize`) of the spare accelerators and of the owned estate's fixed cost (less when its work
 * fills less than a server: that share of it), split between serving and training when it does both; the sites get
 * no spare accelerators. Serving is priced as its own model
 * (a hosted API is placed by its provider, not here), without a managed platform's markup: the same for every
 * place, so it cannot tip the comparison.
 */
export function placementCosts(useCase: UseCaseCostInput, organisation: OrganisationCostInput, assumptions: CostAssumptions, roadmapSize: number): PlacementCosts {
  const resolved = resolveRoadmap(organisation, [{ ...useCase, sourcing: 'custom-platform' }], assumptions);
  const u = resolved.useCases[0]!;
  const util = resolved.utilization;
  const perAccelerator = amortizedHardwarePerAccelerator(assumptions);
  const n = Math.max(1, roadmapSize);
  const volumeKnown = typeof useCase.requestsNow === 'number' || typeof useCase.requestsInProduction === 'number';
  const trains = u.trainingHours > 0;
  const parts = trains && volumeKnown ? 2 : 1;
  const spareShare = resolved.spareAccelerators / n / parts;
  const owned = (hours: number, spare: number) => {
    const fleet = hours / (HOURS_PER_MONTH * util);
    // The estate's fixed cost in proportion to a server's worth of work, and never more than its even share.
    const estate = assumptions.onPremisesFixedMonthly * resolved.newFixedCostShare;
    const fixed = Math.min((estate * fleet) / SERVER_ACCELERATORS, estate / n / parts);
    return Math.max(0, fleet - spare) * perAccelerator + assumptions.onPremisesOverheadRatio * fleet * perAccelerator + fixed;
  };
  const servingHours = u.requests.production / u.throughput;
  return {
    serving: volumeKnown
      ? { cloud: assumptions.cloudHourlyPrice * servingHours, 'on-premises': owned(servingHours, spareShare), edge: owned(servingHours, 0) }
      : null,
    training: trains ? { cloud: cloudTrainingCost(u, assumptions, 'spot'), 'on-premises': owned(u.trainingHours, spareShare) } : null,
    requests: u.requests.production,
    trainingHours: u.trainingHours,
  };
}
