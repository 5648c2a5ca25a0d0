import { defaultPack, evaluate, type Answers, type Evaluation, type WeightsInput } from '../../../../shared/engine';
import { layoutStack, type DecisionChoices, type DiagramOverrides, type StackLayout, type StackLayoutInput } from '../../../../shared/diagram';

/** A workshop to draw: answers, weights, and optionally the room's choices and edits. */
export interface Scenario {
  answers: Answers;
  weights?: WeightsInput;
  choices?: DecisionChoices;
  overrides?: DiagramOverrides;
}

const CLOUD_ANSWERS: Answers = {
  dataSensitivity: 'internal',
  dataResidency: 'none',
  workloadPattern: 'bursty',
  existingOnPremCapacity: 'none',
  opsExpertise: 'low',
  cloudFootprint: 'one-provider',
  lockInConcern: 'low',
  bestOfBreedNeed: 'low',
  businessUnits: 1,
  buAutonomyNeed: 'low',
  governanceMaturity: 'low',
  mlExpertise: 'low',
  customizationNeed: 'low',
  timeToValue: 'urgent',
  interactiveUseCases: 'most',
  dataFreshness: 'real-time',
  latencyP95Ms: 300,
};

/** Representative workshops; the comments say what the engine recommends for each. */
export const SCENARIOS = {
  // cloud, single-cloud, centralized, real-time, pre-built APIs; no residency, no edge
  'cloud-single': { answers: CLOUD_ANSWERS },
  // on-premises, (cloud strategy not applicable), centralized, batch, custom platform; sovereign residency
  'on-premises': {
    answers: {
      dataSensitivity: 'regulated',
      dataResidency: 'sovereign',
      workloadPattern: 'steady',
      sustainedGpuUtilization: 0.8,
      existingOnPremCapacity: 'significant',
      opsExpertise: 'high',
      cloudFootprint: 'none',
      lockInConcern: 'high',
      businessUnits: 2,
      buAutonomyNeed: 'low',
      governanceMaturity: 'medium',
      mlExpertise: 'high',
      customizationNeed: 'high',
      timeToValue: 'flexible',
      interactiveUseCases: 'none',
      dataFreshness: 'daily',
      monthlyTrainingGpuHours: 20000,
    },
  },
  // hybrid, multi-cloud, hub-and-spoke, both, managed ML platform; in-country residency, edge at 15 ms, 9 business units
  'hybrid-multi-hub-both': {
    answers: {
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
    },
  },
  // federated (agility and flexibility weights), both, custom platform; the room chose cloud and single-cloud; regional residency, edge at 10 ms, 12 business units
  federated: {
    answers: {
      dataSensitivity: 'internal',
      dataResidency: 'regional',
      workloadPattern: 'bursty',
      existingOnPremCapacity: 'none',
      cloudFootprint: 'one-provider',
      interactiveUseCases: 'most',
      latencyP95Ms: 10,
      timeToValue: 'normal',
      businessUnits: 12,
      buAutonomyNeed: 'high',
      governanceMaturity: 'medium',
      opsExpertise: 'high',
    },
    weights: { agility: 5, flexibility: 5, cost: 0, compliance: 0, operability: 0 },
    choices: { deployment: 'cloud', 'cloud-strategy': 'single-cloud' },
  },
  // the cloud workshop after the room's edits
  edited: {
    answers: CLOUD_ANSWERS,
    overrides: {
      renamed: { 'cloud-a/platform/model-registry': 'MLflow model registry <prod> & "staging"' },
      moved: {},
      hidden: ['cloud-a/storage/archive'],
      added: [
        { id: 'vector-db', layer: 'storage', placement: 'cloud-a', label: 'Vector database for retrieval-augmented generation' },
        { id: 'llm-gateway', layer: 'networking', placement: 'cloud-a', label: 'LLM gateway' },
      ],
    },
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

/** The engine's evaluation of a scenario (sensitivity off: the diagram does not read it). */
export function scenarioEvaluation(s: Scenario): Evaluation {
  return evaluate(defaultPack(), s.answers, s.weights ?? {}, { sensitivity: false });
}

/** The layout input of a scenario, with a fixed workshop title and date. */
export function scenarioInput(name: ScenarioName, extra: Partial<StackLayoutInput> = {}): StackLayoutInput {
  const s: Scenario = SCENARIOS[name];
  return {
    evaluation: scenarioEvaluation(s),
    answers: s.answers,
    ...(s.choices ? { choices: s.choices } : {}),
    ...(s.overrides ? { overrides: s.overrides } : {}),
    workshop: { title: `Northwind ${name} workshop`, date: '2026-11-28' },
    ...extra,
  };
}

/** Lays out a named scenario. */
export function scenarioLayout(name: ScenarioName, extra: Partial<StackLayoutInput> = {}): StackLayout {
  return layoutStack(scenarioInput(name, extra));
}

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];
