/** How much of the training the room says may be interrupted and restarted (checkpointed jobs, experiments). */
export type InterruptionTolerance = 'none' | 'some' | 'high';

/**
 * The workshop's answers the cost model reads, at pilot volume. Every field is optional: a missing (or null)
 * one is listed in `unknownInputs` and treated as described on each field.
 */
export interface CostInputs {
  /** Accelerator-hours of training per month (>= 0). Unknown: 0. */
  monthlyTrainingGpuHours?: number | null;
  /** Inference requests per month (>= 0). Unknown: 0. */
  monthlyInferenceRequests?: number | null;
  /** Sustained utilization of an owned fleet (0..1). Unknown: UTILIZATION_IF_UNKNOWN. */
  sustainedGpuUtilization?: number | null;
  /** How much training tolerates interruption. Unknown: 'none' (no spot, the conservative price). */
  interruptionTolerance?: InterruptionTolerance | null;
  /** TB (10^12 bytes) leaving the cloud per month (>= 0). Unknown: 0. */
  egressTbPerMonth?: number | null;
}

/** The name of one cost input. */
export type CostInputName = keyof CostInputs;

/** The inputs in the order outputs list them. */
export const COST_INPUT_NAMES: readonly CostInputName[] = [
  'monthlyTrainingGpuHours',
  'monthlyInferenceRequests',
  'sustainedGpuUtilization',
  'interruptionTolerance',
  'egressTbPerMonth',
];

/**
 * Share of training accelerator-hours that may run on spot capacity, by tolerance. 'some' = half (the
 * experiments and checkpointed jobs, not the release runs); 'high' = 90% (a tenth stays on demand for
 * deadline-bound runs and for when spot capacity is short).
 */
export const INTERRUPTIBLE_SHARE: Readonly<Record<InterruptionTolerance, number>> = Object.freeze({
  none: 0,
  some: 0.5,
  high: 0.9,
});

/** Utilization used to size an owned fleet when the room did not say: a well-run shared cluster reaches 30-60%. */
export const UTILIZATION_IF_UNKNOWN = 0.5;

/**
 * Lowest utilization a fleet is sized at. A stated 0 would mean an infinite fleet; at 1% the fleet is already
 * a hundred times the load, which makes the point without breaking the arithmetic.
 */
export const MIN_UTILIZATION = 0.01;

/** Hours in an average month (8,760 / 12): an accelerator owned for a month offers 730 hours. */
export const HOURS_PER_MONTH = 730;

/** GB in a TB: clouds bill decimal units. */
export const GB_PER_TB = 1_000;
