import { defaultPack, evaluate, type Answers } from '../engine';
import type { AddedComponent } from '../domain';
import { LAYER_IDS } from './layers';
import { layoutStack, type StackLayoutInput } from './layout-stack';
import type { StackLayout } from './stack-layout';

// Hybrid, multi-cloud, hub-and-spoke, both serving modes, edge and residency: every part of the drawing.
const BENCHMARK_ANSWERS: Answers = {
  dataSensitivity: 'confidential',
  dataResidency: 'in-country',
  regulatoryGeoDistribution: true,
  workloadPattern: 'mixed',
  existingOnPremCapacity: 'some',
  opsExpertise: 'medium',
  cloudFootprint: 'several-providers',
  lockInConcern: 'high',
  bestOfBreedNeed: 'high',
  businessUnits: 9,
  buAutonomyNeed: 'medium',
  governanceMaturity: 'high',
  mlExpertise: 'medium',
  customizationNeed: 'medium',
  timeToValue: 'normal',
  interactiveUseCases: 'some',
  dataFreshness: 'hourly',
  latencyP95Ms: 15,
  interruptionTolerance: 'some',
};

/** A layout input with `componentCount` components (at least the ~37 the decisions draw), for benchmarks. */
export function benchmarkStackInput(componentCount = 100): StackLayoutInput {
  const evaluation = evaluate(defaultPack(), BENCHMARK_ANSWERS, {}, { sensitivity: false });
  const base = layoutStack({ evaluation, answers: BENCHMARK_ANSWERS });
  const placements = base.placements.map((p) => p.id);
  const added: AddedComponent[] = [];
  for (let i = 0; base.components.length + added.length < componentCount; i++) {
    added.push({ id: `extra-${i + 1}`, layer: LAYER_IDS[i % LAYER_IDS.length]!, placement: placements[i % placements.length]!, label: `Additional component ${i + 1}` });
  }
  return {
    evaluation,
    answers: BENCHMARK_ANSWERS,
    overrides: { renamed: {}, moved: {}, hidden: [], added },
    workshop: { title: 'Benchmark workshop', date: '2026-01-01' },
  };
}

/** Lays out a stack of `componentCount` components: the unit of work the diagram benchmark times. */
export function benchmarkStackLayout(componentCount = 100): StackLayout {
  return layoutStack(benchmarkStackInput(componentCount));
}
