import type { CostAssumptions } from './cost-assumptions';
import { formatNumber } from './format-number';
import {
  GB_PER_TB,
  INTERRUPTIBLE_SHARE,
  MIN_UTILIZATION,
  NEW_FIXED_COST_SHARE,
  SOURCINGS,
  TASKS,
  TASK_THROUGHPUT,
  UTILIZATION_IF_UNKNOWN,
  type InterruptionTolerance,
  type OrganisationCostInput,
  type Sourcing,
  type Task,
  type UseCaseCostInput,
} from './roadmap-inputs';

/** A use case's load resolved from its answers and the assumptions: what the prices apply to. */
export interface ResolvedUseCase {
  id: string;
  name: string;
  task: Task | null;
  /** Requests one accelerator serves in an hour for its task. */
  throughput: number;
  /** Requests a month at each volume. */
  requests: { pilot: number; production: number };
  /** Accelerator-hours of training a month (the same at both volumes: training does not scale with requests). */
  trainingHours: number;
  /** Share of training that may run on spot (0..1). */
  interruptibleShare: number;
  sourcing: Sourcing;
}

/** The roadmap's load, with what could not be read and what was assumed instead. */
export interface ResolvedRoadmap {
  /** u: the sustained utilization owned fleets are sized at (MIN_UTILIZATION..1). */
  utilization: number;
  utilizationKnown: boolean;
  /** Accelerators already owned and free for this work. */
  spareAccelerators: number;
  /** GB leaving the cloud a month when everything runs there. */
  egressGb: number;
  /** Share of an owned estate's fixed cost that is new (the rest is already paid for the capacity the organisation runs). */
  newFixedCostShare: number;
  useCases: ResolvedUseCase[];
  /** Sentences for a person about every answer that was missing or unusable and what was taken instead. */
  notes: string[];
}

function positive(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function isTask(v: unknown): v is Task {
  return typeof v === 'string' && (TASKS as readonly string[]).includes(v);
}

function isSourcing(v: unknown): v is Sourcing {
  return typeof v === 'string' && (SOURCINGS as readonly string[]).includes(v);
}

function isTolerance(v: unknown): v is InterruptionTolerance {
  return v === 'none' || v === 'some' || v === 'high';
}

/**
 * Resolves the roadmap's load. Missing or unusable answers are taken as: requests now 0, production the same as
 * now, training 0, tolerance 'none', task unknown (priced at inferenceRequestsPerAcceleratorHour), sourcing a
 * custom platform, utilization UTILIZATION_IF_UNKNOWN (raised to MIN_UTILIZATION when lower), spare 0, egress 0;
 * each is said in `notes`. Never throws.
 */
export function resolveRoadmap(organisation: OrganisationCostInput, useCases: readonly UseCaseCostInput[], assumptions: CostAssumptions): ResolvedRoadmap {
  const notes: string[] = [];
  const stated = organisation.sustainedGpuUtilization;
  const known = typeof stated === 'number' && Number.isFinite(stated) && stated >= 0 && stated <= 1;
  let utilization = known ? stated : UTILIZATION_IF_UNKNOWN;
  if (!known) notes.push(`Sustained utilization is not known: owned accelerators are sized at ${formatNumber(UTILIZATION_IF_UNKNOWN * 100, 0)}%.`);
  if (utilization < MIN_UTILIZATION) {
    notes.push(`A sustained utilization of ${formatNumber(utilization * 100, 1)}% is sized at ${formatNumber(MIN_UTILIZATION * 100, 0)}%: lower would mean an endless fleet.`);
    utilization = MIN_UTILIZATION;
  }
  const spare = positive(organisation.spareAccelerators);
  const egress = positive(organisation.egressTbPerMonth);
  const resolved = useCases.map((u): ResolvedUseCase => {
    const name = u.name.trim() || 'A use case';
    const task = isTask(u.task) ? u.task : null;
    const throughput = task ? (assumptions[TASK_THROUGHPUT[task]] as number) : assumptions.inferenceRequestsPerAcceleratorHour;
    if (!task) notes.push(`${name}: what it must do is not known, so it is priced at ${formatNumber(throughput)} requests per accelerator-hour, the throughput assumed for a task not known.`);
    const now = positive(u.requestsNow);
    const production = positive(u.requestsInProduction);
    if (now === null && production === null) notes.push(`${name}: no request volume is given, so it serves nothing in this estimate.`);
    else if (now === null) notes.push(`${name}: today's volume is not given; the pilot is priced at 0 requests.`);
    else if (production === null) notes.push(`${name}: the production volume is not given; production is priced at today's ${formatNumber(now)} requests a month.`);
    const training = positive(u.trainingGpuHours);
    if (training === null) notes.push(`${name}: training hours are not given; priced as no training.`);
    const tolerance = isTolerance(u.interruptionTolerance) ? u.interruptionTolerance : 'none';
    const sourcing = isSourcing(u.sourcing) ? u.sourcing : 'custom-platform';
    return {
      id: u.id,
      name,
      task,
      throughput,
      requests: { pilot: now ?? 0, production: production ?? now ?? 0 },
      trainingHours: training ?? 0,
      interruptibleShare: INTERRUPTIBLE_SHARE[tolerance],
      sourcing,
    };
  });
  const capacity = organisation.existingOnPremCapacity;
  const newFixedCostShare = capacity === 'none' || capacity === 'some' || capacity === 'significant' ? NEW_FIXED_COST_SHARE[capacity] : 1;
  if (newFixedCostShare === 1 && capacity !== 'none') notes.push('Existing data-centre capacity is not known: an owned estate carries all of its fixed cost.');
  return { utilization, utilizationKnown: known, spareAccelerators: Math.floor(spare ?? 0), egressGb: (egress ?? 0) * GB_PER_TB, newFixedCostShare, useCases: resolved, notes };
}
