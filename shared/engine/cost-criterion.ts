import type { ScoreReason } from './evaluation';
import type { RuleState } from './rule-state';

/** The id the cost model's adjustment is cited by in an option's reasons and in a use case's `firedRules`. */
export const COST_MODEL_RULE = 'cost-model';
/** The consideration the cost model's adjustment encodes. */
export const COST_MODEL_CONSIDERATION = 'cost-at-scale';
/** The criterion the cost model scores. */
export const COST_MODEL_CRITERION = 'cost';
/**
 * How far relative cost moves a cost score: by = SPAN × (relativeCost − mean relativeCost of the options priced).
 * Relative costs lie in (0, 1], so an adjustment stays within ±SPAN × 2/3 = ±0.2, the size of the pack's
 * strongest cost rules.
 */
export const COST_MODEL_SPAN = 0.3;

/** The cost model's contribution to one scoring: computed once from answers and assumptions, never from weights. */
export interface CostAdjustment {
  /** Pack-wide (option × criterion) cells of the options' cost scores. */
  cells: Int32Array;
  /** The adjustment added to each cell, in the same order. */
  by: Float64Array;
  /** Pack-wide option index of each cell. */
  options: Int32Array;
  /** The reason cited for each cell, in the same order. */
  reasons: ScoreReason[];
}

/** Adds the cost model's adjustment to the rule adjustments in `state` (after the factor rules, before clamping). */
export function applyCostAdjustment(state: RuleState, cost: CostAdjustment | null | undefined): void {
  if (!cost) return;
  const { adjust } = state;
  for (let i = 0; i < cost.cells.length; i++) {
    const cell = cost.cells[i]!;
    adjust[cell] = adjust[cell]! + cost.by[i]!;
  }
}

/** The cost model's reasons for one pack-wide option (empty when it did not apply to it). */
export function costReasonsFor(cost: CostAdjustment | null | undefined, globalOption: number): ScoreReason[] {
  if (!cost) return [];
  const out: ScoreReason[] = [];
  for (let i = 0; i < cost.options.length; i++) if (cost.options[i] === globalOption) out.push(cost.reasons[i]!);
  return out;
}
