import { DEFAULT_COST_ASSUMPTIONS } from '../../../../shared/cost';
import { defaultPack, evaluate, type Answers, type Evaluation, type Roadmap, type UseCaseInput, type WeightsInput } from '../../../../shared/engine';
import { layoutStack, type DecisionChoices, type DiagramOverrides, type StackLayout, type StackLayoutInput } from '../../../../shared/diagram';

/**
 * A workshop to draw: the organisation's answers, its roadmap of use cases (each with its own answers), weights,
 * and optionally the room's choices and edits. It is evaluated as the app evaluates a workshop: the default pack,
 * the cost model with its default assumptions, and the room's choices as decided.
 */
export interface Scenario {
  organisation: Answers;
  useCases: UseCaseInput[];
  weights?: WeightsInput;
  choices?: DecisionChoices;
  overrides?: DiagramOverrides;
}

// Use-case answers, spelled out so that a change of the pack's catalogue does not move the drawings.
const SUMMARIES: Answers = {
  task: 'language-generation', usage: 'interactive', latencyP95Ms: 8000, dataSensitivity: 'internal', dataResidency: 'none', dataLocation: 'cloud',
  requestsPerMonthNow: 20_000, requestsPerMonthInProduction: 400_000, monthlyTrainingGpuHours: 0, customizationNeed: 'low',
};
const RECOMMENDATIONS: Answers = {
  task: 'recommendation', usage: 'interactive', latencyP95Ms: 150, dataSensitivity: 'internal', dataResidency: 'none', dataLocation: 'cloud',
  requestsPerMonthNow: 2_000_000, requestsPerMonthInProduction: 30_000_000, monthlyTrainingGpuHours: 200, interruptionTolerance: 'high', customizationNeed: 'medium',
};
const FORECASTING: Answers = {
  task: 'tabular-prediction', usage: 'batch', dataSensitivity: 'internal', dataResidency: 'none', dataLocation: 'cloud',
  requestsPerMonthNow: 100_000, requestsPerMonthInProduction: 1_000_000, monthlyTrainingGpuHours: 100, interruptionTolerance: 'high', customizationNeed: 'medium',
};
/** Card fraud scoring: regulated data kept in the country, 50 ms: the on-premises anchor of several scenarios (and of the bench's stack). */
export const FRAUD: Answers = {
  task: 'tabular-prediction', usage: 'interactive', latencyP95Ms: 50, dataSensitivity: 'regulated', dataResidency: 'in-country', dataLocation: 'on-premises',
  requestsPerMonthNow: 5_000_000, requestsPerMonthInProduction: 60_000_000, monthlyTrainingGpuHours: 400, interruptionTolerance: 'some', customizationNeed: 'high',
};
/** A customer-service assistant on confidential data, kept in its region. */
export const ASSISTANT: Answers = {
  task: 'language-generation', usage: 'interactive', latencyP95Ms: 3000, dataSensitivity: 'confidential', dataResidency: 'regional', dataLocation: 'cloud',
  requestsPerMonthNow: 50_000, requestsPerMonthInProduction: 2_000_000, monthlyTrainingGpuHours: 100, interruptionTolerance: 'some', customizationNeed: 'medium',
};
/** Vision at the sites under 10 ms: no cloud region answers in time. */
const INSPECTION: Answers = {
  task: 'vision', usage: 'interactive', latencyP95Ms: 8, dataSensitivity: 'confidential', dataResidency: 'none', dataLocation: 'sites',
  requestsPerMonthNow: 20_000_000, requestsPerMonthInProduction: 80_000_000, monthlyTrainingGpuHours: 3000, interruptionTolerance: 'high', customizationNeed: 'high',
};
const MAINTENANCE: Answers = {
  task: 'industry-task', usage: 'near-real-time', latencyP95Ms: 5000, dataSensitivity: 'internal', dataResidency: 'none', dataLocation: 'sites',
  requestsPerMonthNow: 100_000, requestsPerMonthInProduction: 500_000, monthlyTrainingGpuHours: 0, customizationNeed: 'medium',
};

const CATALOGUE_COPY: Answers = {
  task: 'language-generation', usage: 'batch', dataSensitivity: 'public', dataResidency: 'none', dataLocation: 'cloud',
  requestsPerMonthNow: 20_000, requestsPerMonthInProduction: 200_000, monthlyTrainingGpuHours: 0, customizationNeed: 'low',
};

/** A startup in one cloud, no data centre and no ML staff, in a hurry. */
const STARTUP: Answers = {
  workloadPattern: 'bursty', existingOnPremCapacity: 'none', opsExpertise: 'low', mlExpertise: 'low', cloudFootprint: 'one-provider', lockInConcern: 'low',
  bestOfBreedNeed: 'low', businessUnits: 1, buAutonomyNeed: 'low', governanceMaturity: 'low', timeToValue: 'urgent',
};
/** A retail group in several countries and clouds, nine business units, building a data centre for payment data. */
const RETAIL_GROUP: Answers = {
  regulatoryGeoDistribution: true, workloadPattern: 'mixed', existingOnPremCapacity: 'none', opsExpertise: 'medium', mlExpertise: 'medium',
  cloudFootprint: 'several-providers', lockInConcern: 'high', bestOfBreedNeed: 'high', businessUnits: 9, buAutonomyNeed: 'medium', governanceMaturity: 'high', timeToValue: 'normal',
};

/** Long names the way people type them, for the crowded roadmap. */
const LONG_NAMES = [
  'Automated visual quality inspection of welded seams on assembly line 3 at the Rotterdam plant',
  'Real-time card-not-present fraud scoring for e-commerce payments in the Netherlands and Belgium',
  'Multilingual customer-service assistant for order status, returns and warranty claims',
  'Weekly demand forecasting per store and article for fresh produce and dairy',
  'Summaries of supplier contracts and service-level agreements for the procurement team',
  'Shelf-gap detection from ceiling cameras in 300 stores',
  'Anti-money-laundering transaction monitoring with explainable alerts for compliance officers',
  'Personalised product recommendations on the web shop, app and in marketing e-mails',
  'Predictive maintenance of refrigeration units from sensor data at every store',
  'Searchable archive of scanned delivery notes, invoices and customs declarations since 2009',
];
const LONG_TEMPLATES = [INSPECTION, FRAUD, ASSISTANT, FORECASTING, SUMMARIES, INSPECTION, FRAUD, RECOMMENDATIONS, MAINTENANCE, CATALOGUE_COPY];

/** A roadmap of `count` use cases with long names, in every column: the layout's stress case (count ≤ 30). */
export function crowdedUseCases(count: number): UseCaseInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `use-case-${i + 1}`,
    name: i < LONG_NAMES.length ? LONG_NAMES[i]! : `${LONG_NAMES[i % LONG_NAMES.length]!} (phase ${Math.floor(i / LONG_NAMES.length) + 1})`,
    answers: LONG_TEMPLATES[i % LONG_TEMPLATES.length]!,
  }));
}

/** Representative workshops; the comments say what the engine recommends for each. */
export const SCENARIOS = {
  // cloud, single-cloud, centralized, both, managed ML platform: summaries from a foundation-model API at the
  // provider, recommendations (real-time) and forecasting (batch) served in the cloud; no residency, no edge
  'cloud-single': {
    organisation: STARTUP,
    useCases: [
      { id: 'summaries', name: 'Contract summaries', answers: SUMMARIES },
      { id: 'recommendations', name: 'Product recommendations', answers: RECOMMENDATIONS },
      { id: 'forecasting', name: 'Demand forecasting', answers: FORECASTING },
    ],
  },
  // air-gapped agency: on-premises, (cloud strategy not applicable), centralized, both, custom platform (hosted
  // APIs excluded); sovereign residency, the strictest of its use cases
  'on-premises': {
    organisation: {
      airGapped: true, workloadPattern: 'steady', sustainedGpuUtilization: 0.8, existingOnPremCapacity: 'significant', spareAccelerators: 16,
      opsExpertise: 'high', mlExpertise: 'high', cloudFootprint: 'none', lockInConcern: 'high', bestOfBreedNeed: 'low', businessUnits: 2,
      buAutonomyNeed: 'low', governanceMaturity: 'medium', timeToValue: 'flexible',
    },
    useCases: [
      {
        id: 'case-triage',
        name: 'Case-file triage',
        answers: {
          task: 'language-generation', usage: 'batch', dataSensitivity: 'regulated', dataResidency: 'sovereign', dataLocation: 'on-premises',
          requestsPerMonthNow: 50_000, requestsPerMonthInProduction: 500_000, monthlyTrainingGpuHours: 2000, interruptionTolerance: 'none', customizationNeed: 'high',
        },
      },
      {
        id: 'knowledge-search',
        name: 'Internal knowledge search',
        answers: {
          task: 'language-generation', usage: 'interactive', latencyP95Ms: 4000, dataSensitivity: 'confidential', dataResidency: 'in-country', dataLocation: 'on-premises',
          requestsPerMonthNow: 30_000, requestsPerMonthInProduction: 600_000, monthlyTrainingGpuHours: 0, customizationNeed: 'medium',
        },
      },
    ],
  },
  // hybrid, multi-cloud, hub-and-spoke, both, managed ML platform; each use case in its own column: shelf
  // monitoring at the edge (8 ms at the stores), fraud scoring on-premises (regulated, in-country), the assistant
  // and forecasting in the cloud; in-country residency around the edge and the data centre; 9 business units
  'hybrid-multi-hub-both': {
    organisation: RETAIL_GROUP,
    useCases: [
      { id: 'fraud-scoring', name: 'Card fraud scoring', answers: FRAUD },
      { id: 'service-assistant', name: 'Customer-service assistant', answers: ASSISTANT },
      { id: 'shelf-monitoring', name: 'Shelf monitoring in stores', answers: { ...INSPECTION, dataSensitivity: 'internal', requestsPerMonthNow: 10_000_000, requestsPerMonthInProduction: 100_000_000, monthlyTrainingGpuHours: 600 } },
      { id: 'demand-forecasting', name: 'Demand forecasting', answers: FORECASTING },
    ],
  },
  // a factory: inspection served at the line (edge) and trained in the cloud, maintenance from an industry
  // solution in the cloud: hybrid of the edge and the cloud, no data centre; real-time, managed ML platform
  'edge-factory': {
    organisation: {
      workloadPattern: 'bursty', sustainedGpuUtilization: 0.4, existingOnPremCapacity: 'none', opsExpertise: 'medium', mlExpertise: 'medium',
      cloudFootprint: 'one-provider', lockInConcern: 'medium', bestOfBreedNeed: 'low', businessUnits: 2, buAutonomyNeed: 'low', governanceMaturity: 'medium', timeToValue: 'normal',
    },
    useCases: [
      { id: 'visual-inspection', name: 'Visual inspection on the line', answers: INSPECTION },
      { id: 'predictive-maintenance', name: 'Predictive maintenance', answers: MAINTENANCE },
    ],
  },
  // 12 autonomous business units: hub-and-spoke and single cloud recommended; the room chose federated and
  // multi-cloud; cloud, both, managed ML platform; in-country residency around both clouds
  federated: {
    organisation: {
      workloadPattern: 'bursty', existingOnPremCapacity: 'none', opsExpertise: 'high', mlExpertise: 'medium', cloudFootprint: 'one-provider',
      businessUnits: 12, buAutonomyNeed: 'high', governanceMaturity: 'medium', timeToValue: 'normal',
    },
    useCases: [
      {
        id: 'loyalty-scoring',
        name: 'Loyalty churn scoring',
        answers: {
          task: 'tabular-prediction', usage: 'batch', dataSensitivity: 'confidential', dataResidency: 'in-country', dataLocation: 'on-premises',
          requestsPerMonthNow: 500_000, requestsPerMonthInProduction: 5_000_000, monthlyTrainingGpuHours: 200, interruptionTolerance: 'some', customizationNeed: 'high',
        },
      },
      { id: 'recommendations', name: 'Product recommendations', answers: { ...RECOMMENDATIONS, dataResidency: 'regional', requestsPerMonthInProduction: 200_000_000, monthlyTrainingGpuHours: 1500, customizationNeed: 'high' } },
      { id: 'catalogue-copy', name: 'Product descriptions', answers: CATALOGUE_COPY },
    ],
    weights: { agility: 4, flexibility: 4, cost: 2, compliance: 2, operability: 2, control: 1, performance: 2 },
    choices: { 'infrastructure-model': 'federated', 'cloud-strategy': 'multi-cloud' },
  },
  // the cloud workshop after the room's edits, one of them to a use case's box
  edited: {
    organisation: STARTUP,
    useCases: [
      { id: 'summaries', name: 'Contract summaries', answers: SUMMARIES },
      { id: 'recommendations', name: 'Product recommendations', answers: RECOMMENDATIONS },
      { id: 'forecasting', name: 'Demand forecasting', answers: FORECASTING },
    ],
    overrides: {
      renamed: { 'cloud-a/platform/model-registry': 'MLflow model registry <prod> & "staging"', 'cloud-a/applications/uc-forecasting': 'Demand forecasting (all stores)' },
      moved: {},
      hidden: ['cloud-a/storage/archive'],
      added: [
        { id: 'vector-db', layer: 'storage', placement: 'cloud-a', label: 'Vector database for retrieval-augmented generation' },
        { id: 'llm-gateway', layer: 'networking', placement: 'cloud-a', label: 'LLM gateway' },
      ],
    },
  },
  // the retail group's roadmap at 24 use cases with long names, in every column: nothing overlaps, every text fits
  crowded: {
    organisation: RETAIL_GROUP,
    useCases: crowdedUseCases(24),
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

/** The roadmap the engine is given for a scenario. */
export function scenarioRoadmap(s: Scenario): Roadmap {
  return { answers: s.organisation, useCases: s.useCases };
}

/** The engine's evaluation of a scenario as the app makes it (sensitivity off: the diagram does not read it). */
export function scenarioEvaluation(s: Scenario, choices: DecisionChoices | undefined = s.choices): Evaluation {
  const decided = Object.fromEntries(Object.entries(choices ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return evaluate(defaultPack(), scenarioRoadmap(s), s.weights ?? {}, { sensitivity: false, costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS }, decided });
}

/** The layout input of a scenario (or of a scenario with other choices), with a fixed workshop title and date. */
export function scenarioInput(name: ScenarioName, extra: Partial<StackLayoutInput> = {}): StackLayoutInput {
  const s: Scenario = SCENARIOS[name];
  const choices = extra.choices ?? s.choices;
  return {
    evaluation: scenarioEvaluation(s, choices),
    answers: s.organisation,
    useCases: scenarioRoadmap(s).useCases,
    ...(choices ? { choices } : {}),
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
