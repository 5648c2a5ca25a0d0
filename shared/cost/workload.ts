import type { CostAssumptions } from './cost-assumptions';
import type { CostIssue } from './cost-issue';
import {
  COST_INPUT_NAMES,
  GB_PER_TB,
  INTERRUPTIBLE_SHARE,
  MIN_UTILIZATION,
  UTILIZATION_IF_UNKNOWN,
  type CostInputName,
  type CostInputs,
} from './cost-inputs';

/** The monthly load the prices apply to, resolved from the answers and the assumptions. */
export interface Workload {
  /** T: training accelerator-hours per month. */
  trainingHours: number;
  /** s: share of training that may run on spot (0..1). */
  interruptibleShare: number;
  /** R: inference requests per month. */
  inferenceRequests: number;
  /** I = R / q: inference accelerator-hours per month (q = requests per accelerator-hour). */
  inferenceHours: number;
  /** u: sustained utilization an owned fleet is sized at (MIN_UTILIZATION..1). */
  utilization: number;
  /** G: GB leaving the cloud per month when everything runs in the cloud. */
  egressGb: number;
}

/** The workload plus what could not be read from the answers. */
export interface ResolvedWorkload {
  workload: Workload;
  /** Inputs that were missing, null or unusable, in COST_INPUT_NAMES order. */
  unknownInputs: CostInputName[];
  /** Values that were present but unusable (wrong type, out of range); each is also unknown. */
  inputIssues: CostIssue[];
  /** Sentences for a person about every fallback applied. */
  notes: string[];
}

type Reading<T> = { kind: 'value'; value: T } | { kind: 'missing' } | { kind: 'invalid'; message: string };

function readNumber(value: unknown, min: number, max: number): Reading<number> {
  if (value === undefined || value === null) return { kind: 'missing' };
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const allowed = max === Infinity ? `a number of at least ${min}` : `a number between ${min} and ${max}`;
    const found = typeof value === 'string' ? JSON.stringify(value) : String(value);
    return { kind: 'invalid', message: `must be ${allowed}; got ${found}` };
  }
  return { kind: 'value', value };
}

function readTolerance(value: unknown): Reading<keyof typeof INTERRUPTIBLE_SHARE> {
  if (value === undefined || value === null) return { kind: 'missing' };
  if (value === 'none' || value === 'some' || value === 'high') return { kind: 'value', value };
  const found = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return { kind: 'invalid', message: `must be one of "none", "some", "high"; got ${found}` };
}

/**
 * Turns the answers into the monthly workload. Missing or unusable answers are listed as unknown and taken
 * as 0 (volumes), 'none' (interruption tolerance) or UTILIZATION_IF_UNKNOWN (utilization); a utilization
 * below MIN_UTILIZATION is raised to it. Never throws.
 */
export function resolveWorkload(inputs: CostInputs, assumptions: CostAssumptions): ResolvedWorkload {
  const unknown = new Set<CostInputName>();
  const inputIssues: CostIssue[] = [];
  const notes: string[] = [];
  const raw = inputs as Record<CostInputName, unknown>;

  function take<T>(name: CostInputName, reading: Reading<T>, fallback: T, fallbackWords: string): T {
    if (reading.kind === 'value') return reading.value;
    unknown.add(name);
    if (reading.kind === 'invalid') {
      inputIssues.push({ path: name, message: `${name} ${reading.message}` });
      notes.push(`${name} is unusable (${reading.message}); taken as ${fallbackWords}.`);
    } else {
      notes.push(`${name} is unknown; taken as ${fallbackWords}.`);
    }
    return fallback;
  }

  const trainingHours = take('monthlyTrainingGpuHours', readNumber(raw.monthlyTrainingGpuHours, 0, Infinity), 0, '0');
  const inferenceRequests = take('monthlyInferenceRequests', readNumber(raw.monthlyInferenceRequests, 0, Infinity), 0, '0');
  let utilization = take(
    'sustainedGpuUtilization',
    readNumber(raw.sustainedGpuUtilization, 0, 1),
    UTILIZATION_IF_UNKNOWN,
    `${UTILIZATION_IF_UNKNOWN * 100}% for sizing an owned fleet`,
  );
  if (utilization < MIN_UTILIZATION) {
    notes.push(`sustainedGpuUtilization ${utilization} is below ${MIN_UTILIZATION * 100}%; the owned fleet is sized at ${MIN_UTILIZATION * 100}%.`);
    utilization = MIN_UTILIZATION;
  }
  const tolerance = take('interruptionTolerance', readTolerance(raw.interruptionTolerance), 'none', '"none" (no spot capacity)');
  const egressTb = take('egressTbPerMonth', readNumber(raw.egressTbPerMonth, 0, Infinity), 0, '0');

  return {
    workload: {
      trainingHours,
      interruptibleShare: INTERRUPTIBLE_SHARE[tolerance],
      inferenceRequests,
      inferenceHours: inferenceRequests / assumptions.inferenceRequestsPerAcceleratorHour,
      utilization,
      egressGb: egressTb * GB_PER_TB,
    },
    unknownInputs: COST_INPUT_NAMES.filter((name) => unknown.has(name)),
    inputIssues,
    notes,
  };
}

/** The same workload at `factor` times the volume: hours, requests and egress scale; utilization and tolerance do not. */
export function scaleWorkload(workload: Workload, factor: number): Workload {
  return {
    ...workload,
    trainingHours: workload.trainingHours * factor,
    inferenceRequests: workload.inferenceRequests * factor,
    inferenceHours: workload.inferenceHours * factor,
    egressGb: workload.egressGb * factor,
  };
}
