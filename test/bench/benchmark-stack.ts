// Test data, not product: a large stack for the bench and the test that checks it stays well formed.
import { DEFAULT_COST_ASSUMPTIONS } from '../../shared/cost';
import { defaultPack, evaluate, type Answers, type Roadmap, type UseCaseInput } from '../../shared/engine';
import type { AddedComponent } from '../../shared/domain';
import { LAYER_IDS } from '../../shared/diagram/layers';
import { ASSISTANT, FRAUD } from '../unit/shared/diagram/scenarios';
import { layoutStack, type StackLayout, type StackLayoutInput } from '../../shared/diagram';

// A retail group in several countries and clouds with nine business units: hybrid, multi-cloud, hub-and-spoke.
const BENCHMARK_ORGANISATION: Answers = {
  regulatoryGeoDistribution: true,
  workloadPattern: 'mixed',
  existingOnPremCapacity: 'none',
  opsExpertise: 'medium',
  mlExpertise: 'medium',
  cloudFootprint: 'several-providers',
  lockInConcern: 'high',
  bestOfBreedNeed: 'high',
  businessUnits: 9,
  buAutonomyNeed: 'medium',
  governanceMaturity: 'high',
  timeToValue: 'normal',
};

const atTheSites: Answers = {
  task: 'vision', usage: 'interactive', latencyP95Ms: 8, dataSensitivity: 'internal', dataResidency: 'none', dataLocation: 'sites',
  requestsPerMonthNow: 10_000_000, requestsPerMonthInProduction: 100_000_000, monthlyTrainingGpuHours: 600, interruptionTolerance: 'high', customizationNeed: 'high',
};
const batch: Answers = {
  task: 'tabular-prediction', usage: 'batch', dataSensitivity: 'internal', dataResidency: 'none', dataLocation: 'cloud',
  requestsPerMonthNow: 100_000, requestsPerMonthInProduction: 1_000_000, monthlyTrainingGpuHours: 300, interruptionTolerance: 'high', customizationNeed: 'high',
};
const summaries: Answers = {
  task: 'language-generation', usage: 'interactive', latencyP95Ms: 8000, dataSensitivity: 'internal', dataResidency: 'none', dataLocation: 'cloud',
  requestsPerMonthNow: 20_000, requestsPerMonthInProduction: 400_000, monthlyTrainingGpuHours: 0, customizationNeed: 'low',
};

// Ten use cases at the edge, on-premises and in the cloud, served in real time, in batches and by providers' APIs:
// every part of the drawing (edge, residency, both serving paths, flows, governance lanes).
const BENCHMARK_USE_CASES: UseCaseInput[] = [
  { id: 'shelf-monitoring', name: 'Shelf monitoring in stores', answers: atTheSites },
  { id: 'fraud-scoring', name: 'Card fraud scoring', answers: FRAUD },
  { id: 'service-assistant', name: 'Customer-service assistant', answers: ASSISTANT },
  { id: 'demand-forecasting', name: 'Demand forecasting', answers: batch },
  { id: 'contract-summaries', name: 'Contract summaries', answers: summaries },
  { id: 'checkout-vision', name: 'Self-checkout item recognition', answers: atTheSites },
  { id: 'aml-monitoring', name: 'Anti-money-laundering monitoring', answers: FRAUD },
  { id: 'store-staff-assistant', name: 'Store staff assistant', answers: ASSISTANT },
  { id: 'markdown-pricing', name: 'Markdown pricing', answers: batch },
  { id: 'supplier-summaries', name: 'Supplier document summaries', answers: summaries },
];

/** The roadmap the diagram benchmark draws: the organisation's answers and ten use cases. */
export function benchmarkRoadmap(): Roadmap {
  return { answers: BENCHMARK_ORGANISATION, useCases: BENCHMARK_USE_CASES };
}

/** A layout input with `componentCount` components (at least the ~50 the decisions and use cases draw), for benchmarks. */
export function benchmarkStackInput(componentCount = 100): StackLayoutInput {
  const roadmap = benchmarkRoadmap();
  const evaluation = evaluate(defaultPack(), roadmap, {}, { sensitivity: false, costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } });
  const input: StackLayoutInput = { evaluation, answers: roadmap.answers, useCases: roadmap.useCases };
  const base = layoutStack(input);
  const placements = base.placements.map((p) => p.id);
  const added: AddedComponent[] = [];
  for (let i = 0; base.components.length + added.length < componentCount; i++) {
    added.push({ id: `extra-${i + 1}`, layer: LAYER_IDS[i % LAYER_IDS.length]!, placement: placements[i % placements.length]!, label: `Additional component ${i + 1}` });
  }
  return {
    ...input,
    overrides: { renamed: {}, moved: {}, hidden: [], added },
    workshop: { title: 'Benchmark workshop', date: '2026-01-01' },
  };
}

/** Lays out a stack of `componentCount` components: the unit of work the diagram benchmark times. */
export function benchmarkStackLayout(componentCount = 100): StackLayout {
  return layoutStack(benchmarkStackInput(componentCount));
}
