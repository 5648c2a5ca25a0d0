import type { CostAssumptions } from './cost-assumptions';
import { placementCosts } from './placement-costs';
import { TASKS, type OrganisationCostInput, type ServingPlace, type Sourcing, type Task, type TrainingPlace, type UseCaseCostInput } from './roadmap-inputs';

/** What one way of sourcing a use case costs a month at production volume, part by part. */
export interface SourcingCost {
  monthly: number;
  /** Per-call or per-token fees, or a vendor's licence. */
  fees: number;
  /** Serving its own model (or a vendor's on accelerators the organisation rents or owns), where that costs least. */
  serving: number;
  /** Training its own model, where that costs least. */
  training: number;
  /** The people who build and keep a model of one's own, and its share of one's own ML platform. */
  people: number;
  /** Where the serving figure is for (null when a provider or the vendor serves it). */
  servedAt: ServingPlace | null;
  /** Where the training figure is for (null when it trains nothing of its own). */
  trainedAt: TrainingPlace | null;
}

/** One use case's cost under each way of sourcing it, for comparing them. */
export interface SourcingCosts {
  /** Every way of sourcing that can do the use case's task (a hosted API that cannot is left out). */
  options: Partial<Record<Sourcing, SourcingCost>>;
  /** Requests a month in production, as priced. */
  requests: number;
}

/** The places a use case may serve and train in: the ones no constraint rules out. */
export interface AllowedPlaces {
  serving: readonly ServingPlace[];
  training: readonly TrainingPlace[];
}

/**
 * The tasks a hosted API can do, where it is priced: a pre-built API recognises images and speech; a foundation
 * model generates language. A task not known is taken as language generation.
 */
export const API_TASKS: Readonly<Record<'pre-built-apis' | 'foundation-model-apis', readonly Task[]>> = {
  'pre-built-apis': ['vision', 'speech'],
  'foundation-model-apis': ['language-generation'],
};

const EVERY_PLACE: AllowedPlaces = { serving: ['cloud', 'on-premises', 'edge'], training: ['cloud', 'on-premises'] };

/** The allowed place (every place when none is) where `figures` cost least. */
function cheapestOf<P extends string>(figures: Record<P, number>, allowed: readonly P[]): { at: P; monthly: number } {
  const places = allowed.length > 0 ? allowed : (Object.keys(figures) as P[]);
  let best: { at: P; monthly: number } | null = null;
  for (const at of places) {
    const monthly = figures[at];
    if (!best || monthly < best.monthly) best = { at, monthly };
  }
  return best!;
}

/**
 * One use case's monthly cost at production volume under each of the five ways of sourcing it (see
 * shared/cost/README.md), each way that can deliver it: the hosted APIs their fees (each only for the tasks it can
 * do, API_TASKS); nothing consumed when its model must be customised deeply (a model of one's own); an industry-specific solution its licence, plus serving it on
 * the organisation's own accelerators when no constraint lets the vendor host it in the cloud; a model of one's own
 * (on a managed or a custom platform) its serving and training where they cost least among the `allowed` places (a
 * managed platform adds its markup wherever it runs), the people who build and keep it, and on a custom platform an
 * even share (one use case's in `roadmapSize`) of running that platform. Null when no request volume is given, or
 * it is 0: nothing to compare.
 */
export function sourcingCosts(useCase: UseCaseCostInput, organisation: OrganisationCostInput, assumptions: CostAssumptions, roadmapSize: number, allowed: AllowedPlaces = EVERY_PLACE): SourcingCosts | null {
  const places = placementCosts(useCase, organisation, assumptions, roadmapSize);
  // No requests: nothing is used, so nothing to compare.
  if (!places.serving || places.requests <= 0) return null;
  const a = assumptions;
  const R = places.requests;
  // A managed platform's fee is its markup on what serving and training cost, wherever they run.
  const own = (markup: number, people: number): SourcingCost => {
    const serving = cheapestOf(places.serving!, allowed.serving);
    const training = places.training ? cheapestOf(places.training, allowed.training) : null;
    const servingCost = serving.monthly * markup;
    const trainingCost = (training?.monthly ?? 0) * markup;
    return { monthly: servingCost + trainingCost + people, fees: 0, serving: servingCost, training: trainingCost, people, servedAt: serving.at, trainedAt: training?.at ?? null };
  };
  const consumed = (fees: number): SourcingCost => ({ monthly: fees, fees, serving: 0, training: 0, people: 0, servedAt: null, trainedAt: null });
  // A vendor hosts its solution in the cloud within the licence; where the cloud is ruled out it runs on the organisation's own accelerators.
  const vendorHosted = allowed.serving.length === 0 || allowed.serving.includes('cloud');
  const licence = R * a.industrySolutionPricePerCall;
  const onSite = vendorHosted ? null : cheapestOf(places.serving, allowed.serving);
  // A task not known is priced as the most demanding one, language generation, as its throughput is.
  const task: Task = (TASKS as readonly string[]).includes(useCase.task ?? '') ? (useCase.task as Task) : 'language-generation';
  // Deep customisation is a model of one's own: nothing consumed offers it, so nothing consumed is priced against it.
  const consumable = useCase.customization !== 'high';
  const does = (api: keyof typeof API_TASKS) => consumable && API_TASKS[api].includes(task);
  return {
    requests: R,
    options: {
      ...(does('pre-built-apis') ? { 'pre-built-apis': consumed(R * a.prebuiltApiPricePerCall) } : {}),
      ...(does('foundation-model-apis') ? { 'foundation-model-apis': consumed((R * a.tokensPerRequest * a.foundationModelPricePerThousandTokens) / 1000) } : {}),
      'managed-ml-platform': own(1 + a.managedPlatformMarkup, a.modelTeamMonthly),
      'custom-platform': own(1, a.modelTeamMonthly + a.mlPlatformFixedMonthly / Math.max(1, roadmapSize)),
      ...(consumable
        ? { 'industry-specific-solutions': onSite ? { monthly: licence + onSite.monthly, fees: licence, serving: onSite.monthly, training: 0, people: 0, servedAt: onSite.at, trainedAt: null } : consumed(licence) }
        : {}),
    },
  };
}
