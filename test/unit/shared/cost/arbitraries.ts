import fc from 'fast-check';
import {
  SOURCINGS,
  TASKS,
  resolveRoadmap,
  servesItself,
  trainsItself,
  type CostAssumptions,
  type CostRoadmap,
  type InterruptionTolerance,
  type OrganisationCostInput,
  type Placement,
  type ResolvedRoadmap,
  type Sourcing,
  type Task,
  type UseCaseCostInput,
} from '../../../../shared/cost';

const money = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Assumptions anywhere in a realistic range (no budget). */
export const assumptionsArb: fc.Arbitrary<CostAssumptions> = fc.record({
  acceleratorPurchasePrice: money(1_000, 100_000),
  amortizationMonths: fc.integer({ min: 12, max: 60 }),
  onPremisesOverheadRatio: money(0, 2),
  onPremisesFixedMonthly: money(0, 200_000),
  cloudHourlyPrice: money(0.5, 30),
  spotDiscount: money(0.6, 0.9),
  managedPlatformMarkup: money(0, 1),
  modelTeamMonthly: money(0, 50_000),
  mlPlatformFixedMonthly: money(0, 200_000),
  inferenceRequestsPerAcceleratorHour: money(100, 100_000),
  throughputLanguageGeneration: money(100, 100_000),
  throughputVision: money(10_000, 10_000_000),
  throughputSpeech: money(1_000, 100_000),
  throughputTabularPrediction: money(100_000, 100_000_000),
  throughputRecommendation: money(100_000, 10_000_000),
  throughputIndustryTask: money(10_000, 10_000_000),
  foundationModelPricePerThousandTokens: money(0, 0.1),
  tokensPerRequest: money(10, 10_000),
  prebuiltApiPricePerCall: money(0, 0.1),
  industrySolutionPricePerCall: money(0, 1),
  usdExchangeRate: fc.constant(1),
  currency: fc.constant('USD' as const),
  egressPricePerGb: money(0, 0.2),
  materialMonthlyDifference: money(1, 100_000),
  monthlyBudget: fc.constant(null),
});

/** A fully answered organisation. */
export const organisationArb: fc.Arbitrary<OrganisationCostInput> = fc.record({
  sustainedGpuUtilization: money(0.01, 1),
  spareAccelerators: fc.integer({ min: 0, max: 20 }),
  egressTbPerMonth: money(0, 100),
  existingOnPremCapacity: fc.constantFrom('none', 'some', 'significant'),
});

/** A use case with every cost answer given. */
export interface AnsweredUseCase extends UseCaseCostInput {
  task: Task;
  requestsNow: number;
  requestsInProduction: number;
  trainingGpuHours: number;
  interruptionTolerance: InterruptionTolerance;
  sourcing: Sourcing;
}

/** A roadmap whose use cases answer everything. */
export interface AnsweredRoadmap extends CostRoadmap {
  useCases: readonly AnsweredUseCase[];
}

/** A fully answered use case (ids are filled in by roadmapArb). */
const useCaseArb: fc.Arbitrary<Omit<AnsweredUseCase, 'id' | 'name'>> = fc.record({
  task: fc.constantFrom(...TASKS),
  // None, or at least a load an owned fleet notices: below a billionth of an accelerator a fleet rounds to nothing.
  requestsNow: fc.oneof(fc.constant(0), money(1_000, 1e8)),
  requestsInProduction: fc.oneof(fc.constant(0), money(1_000, 1e9)),
  trainingGpuHours: fc.oneof(fc.constant(0), money(0.01, 10_000)),
  interruptionTolerance: fc.constantFrom<InterruptionTolerance>('none', 'some', 'high'),
  sourcing: fc.constantFrom(...SOURCINGS),
});

/**
 * Where each option may put a use case, as the deployment portfolio does: the cloud option rents every part, the
 * on-premises option owns every part (serving in the data centre or at the sites), hybrid anything. A use case a
 * provider serves has no serving placement; one that trains nothing of its own, no training placement.
 */
function placementsArb(useCases: readonly AnsweredUseCase[]): fc.Arbitrary<CostRoadmap['placements']> {
  const owned = fc.constantFrom<'on-premises' | 'edge'>('on-premises', 'edge');
  const any = fc.constantFrom<'cloud' | 'on-premises' | 'edge'>('cloud', 'on-premises', 'edge');
  const anyTraining = fc.constantFrom<'cloud' | 'on-premises'>('cloud', 'on-premises');
  const per = (serving: fc.Arbitrary<Placement['serving']>, training: fc.Arbitrary<Placement['training']>): fc.Arbitrary<Placement[]> =>
    fc.tuple(
      ...useCases.map((u) => {
        const own = { sourcing: u.sourcing, trainingHours: u.trainingGpuHours };
        return fc.record({
          serving: servesItself(own) ? serving : fc.constant(null),
          training: trainsItself(own) ? training : fc.constant(null),
        });
      }),
    );
  return fc.record({
    cloud: per(fc.constant('cloud'), fc.constant('cloud')),
    'on-premises': per(owned, fc.constant('on-premises')),
    hybrid: per(any, anyTraining),
  });
}

/** A roadmap of 1 to 4 fully answered use cases with placements per option. */
export const roadmapArb: fc.Arbitrary<AnsweredRoadmap> = fc
  .tuple(organisationArb, fc.array(useCaseArb, { minLength: 1, maxLength: 4 }))
  .chain(([organisation, cases]) => {
    const useCases = cases.map((u, i): AnsweredUseCase => ({ ...u, id: `u${i}`, name: `Use case ${i + 1}` }));
    return placementsArb(useCases).map((placements): AnsweredRoadmap => ({ organisation, useCases, placements }));
  });

/** A roadmap resolved under the assumptions, with its placements. */
export function resolved(roadmap: CostRoadmap, a: CostAssumptions): ResolvedRoadmap {
  return resolveRoadmap(roadmap.organisation, roadmap.useCases, a);
}

/** Relative closeness for large sums of floating-point money. */
export function expectClose(actual: number, expected: number, relative = 1e-9): void {
  const tolerance = relative * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} of ${expected}`);
  }
}
