import type { CostAssumptions } from './cost-assumptions';
import type { DeploymentOption } from './deployment-option';

/** How much of the training the room says may be interrupted and restarted (checkpointed jobs, experiments). */
export type InterruptionTolerance = 'none' | 'some' | 'high';

/** What a use case must do, as the pack's `task` factor says it: it sets how many requests an accelerator serves. */
export const TASKS = ['language-generation', 'vision', 'speech', 'tabular-prediction', 'recommendation', 'industry-task'] as const;
export type Task = (typeof TASKS)[number];

/** The assumption holding each task's throughput. */
export const TASK_THROUGHPUT: Readonly<Record<Task, keyof CostAssumptions>> = {
  'language-generation': 'throughputLanguageGeneration',
  vision: 'throughputVision',
  speech: 'throughputSpeech',
  'tabular-prediction': 'throughputTabularPrediction',
  recommendation: 'throughputRecommendation',
  'industry-task': 'throughputIndustryTask',
};

/** How a use case is sourced, as the pack's `sourcing` decision names it. */
export const SOURCINGS = ['pre-built-apis', 'foundation-model-apis', 'managed-ml-platform', 'custom-platform', 'industry-specific-solutions'] as const;
export type Sourcing = (typeof SOURCINGS)[number];

/** Where a use case serves, and where it trains. */
export type ServingPlace = 'cloud' | 'on-premises' | 'edge';
export type TrainingPlace = 'cloud' | 'on-premises';

/** One use case's placement: null serving when a provider serves it (an API), null training when it trains nothing of its own. */
export interface Placement {
  serving: ServingPlace | null;
  training: TrainingPlace | null;
}

/** A use case as the cost model reads it; every field may be unknown (null or missing) and is then taken as each says. */
export interface UseCaseCostInput {
  id: string;
  name: string;
  /** Unknown: priced at the throughput for a task not known. */
  task?: string | null;
  /** Requests a month now (the pilot). Unknown: 0. */
  requestsNow?: number | null;
  /** Requests a month in production. Unknown: the pilot's. */
  requestsInProduction?: number | null;
  /** Accelerator-hours of training or fine-tuning a month. Unknown: 0. */
  trainingGpuHours?: number | null;
  /** Unknown: 'none' (no spot, the conservative price). */
  interruptionTolerance?: string | null;
  /** Unknown: a custom platform (self-hosted, no markup, no per-call fees). */
  sourcing?: string | null;
  /** How far its model must be customised ('low', 'medium', 'high'): 'high' is a model of one's own, which nothing consumed offers. Unknown: not high. */
  customization?: string | null;
}

/** What the cost model reads of the organisation. */
export interface OrganisationCostInput {
  /** Sustained utilization an owned fleet is sized at (0..1). Unknown: UTILIZATION_IF_UNKNOWN. */
  sustainedGpuUtilization?: number | null;
  /** Accelerators already owned and free for this work. Unknown: 0. */
  spareAccelerators?: number | null;
  /** TB leaving the cloud a month when everything runs there. Unknown: 0. */
  egressTbPerMonth?: number | null;
  /** Data-centre capacity the organisation already runs: how much of an owned estate's fixed cost is new. Unknown: all of it. */
  existingOnPremCapacity?: string | null;
}

/** Share of an owned estate's fixed cost that is new, by the data-centre capacity the organisation already runs. */
export const NEW_FIXED_COST_SHARE: Readonly<Record<'none' | 'some' | 'significant', number>> = Object.freeze({ none: 1, some: 0.5, significant: 0.25 });

/** The roadmap to price: the organisation, its use cases, and where each use case runs under each deployment option. */
export interface CostRoadmap {
  organisation: OrganisationCostInput;
  useCases: readonly UseCaseCostInput[];
  /** Per deployment option, each use case's placement (same order as `useCases`). */
  placements: Readonly<Record<DeploymentOption, readonly Placement[]>>;
}

/** Share of training accelerator-hours that may run on spot capacity, by tolerance. */
export const INTERRUPTIBLE_SHARE: Readonly<Record<InterruptionTolerance, number>> = Object.freeze({ none: 0, some: 0.5, high: 0.9 });

/** Utilization used to size an owned fleet when the room did not say: a well-run shared cluster reaches 30-60%. */
export const UTILIZATION_IF_UNKNOWN = 0.5;

/** Lowest utilization a fleet is sized at: 0 would mean an infinite fleet. */
export const MIN_UTILIZATION = 0.01;

/** Hours in an average month (8,760 / 12): an accelerator owned for a month offers 730 hours. */
export const HOURS_PER_MONTH = 730;

/**
 * Accelerators in one server: an owned estate of at least one full server carries the whole fixed cost of running
 * it (onPremisesFixedMonthly); a smaller one carries that share of it, as work that fits on part of a server does
 * not need a team of its own.
 */
export const SERVER_ACCELERATORS = 8;

/** GB in a TB: clouds bill decimal units. */
export const GB_PER_TB = 1_000;

/** The answer ids the cost model reads: a use case's, and the organisation's (the pack's factor ids). */
export const USE_CASE_COST_FACTORS = {
  task: 'task',
  requestsNow: 'requestsPerMonthNow',
  requestsInProduction: 'requestsPerMonthInProduction',
  trainingGpuHours: 'monthlyTrainingGpuHours',
  interruptionTolerance: 'interruptionTolerance',
  customization: 'customizationNeed',
} as const;
export const ORGANISATION_COST_FACTORS = {
  sustainedGpuUtilization: 'sustainedGpuUtilization',
  spareAccelerators: 'spareAccelerators',
  egressTbPerMonth: 'egressTbPerMonth',
  existingOnPremCapacity: 'existingOnPremCapacity',
} as const;

type AnswerRecord = Readonly<Record<string, string | number | boolean | null | undefined>>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A use case's cost inputs read from its answers (the pack's factor ids), with how it is sourced. */
export function useCaseCostInput(id: string, name: string, answers: AnswerRecord, sourcing: string | null): UseCaseCostInput {
  const f = USE_CASE_COST_FACTORS;
  return {
    id,
    name,
    task: str(answers[f.task]),
    requestsNow: num(answers[f.requestsNow]),
    requestsInProduction: num(answers[f.requestsInProduction]),
    trainingGpuHours: num(answers[f.trainingGpuHours]),
    interruptionTolerance: str(answers[f.interruptionTolerance]),
    sourcing,
    customization: str(answers[f.customization]),
  };
}

/** The organisation's cost inputs read from its answers. */
export function organisationCostInput(answers: AnswerRecord): OrganisationCostInput {
  const f = ORGANISATION_COST_FACTORS;
  return {
    sustainedGpuUtilization: num(answers[f.sustainedGpuUtilization]),
    spareAccelerators: num(answers[f.spareAccelerators]),
    egressTbPerMonth: num(answers[f.egressTbPerMonth]),
    existingOnPremCapacity: str(answers[f.existingOnPremCapacity]),
  };
}
