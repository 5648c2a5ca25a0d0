import { formatMoney, type CurrencyCode } from '../cost';
import type { Risk, ScoreReason } from './evaluation';
import type { RuleState } from './rule-state';

/** The id the cost model's score and risks are cited by in an option's reasons and in a use case's `firedRules`. */
export const COST_MODEL_RULE = 'cost-model';
/** The consideration the cost model's score encodes. */
export const COST_MODEL_CONSIDERATION = 'cost-at-scale';
/** The criterion the cost model scores. */
export const COST_MODEL_CRITERION = 'cost';
/**
 * The cost ratio to the cheapest option at which an option's cost score reaches 0: the score falls with the
 * ratio's logarithm, 1 at the cheapest, 0.70 at 2×, 0.52 at 3×, 0 at this ratio or more. A tenfold bill is
 * decisive on cost; a tenth more is not (0.96).
 */
export const COST_DECISIVE_RATIO = 10;
/** An option the cost model prices at this multiple of the cheapest or more raises a High risk with the figures. */
export const COST_RISK_RATIO = 3;

/** The cost score of an option costing `ratio` times the cheapest, when the difference is `material` (0..1) of a material one. */
export function costScore(ratio: number, material: number): number {
  const fall = ratio <= 1 ? 0 : Math.min(1, Math.log(ratio) / Math.log(COST_DECISIVE_RATIO));
  return 1 - Math.max(0, Math.min(1, material)) * fall;
}

/** One decision's options as the cost model priced them (the workshop's currency a month at production volume). */
export interface PricedDecision {
  /** Pack-wide decision index. */
  decision: number;
  /** What the figures are for ("Serving it", "Training it"). */
  what: string;
  /** Monthly cost per option index within the decision; NaN where an option is not priced. */
  monthly: Float64Array;
  cheapest: number;
  /** Index within the decision of the cheapest option (the first in pack order on a tie). */
  cheapestOption: number;
  /** Each option as a place in a sentence ("in the cloud", "on-premises", "at the edge"), by option index. */
  places: string[];
  /** Below this difference a month the placements' bills do not decide anything (the assumptions' materialMonthlyDifference). */
  material: number;
  /** The currency the figures are in. */
  currency: CurrencyCode;
  /** What to do when the option the decision goes with costs COST_RISK_RATIO times the cheapest or more. */
  action: string;
}

/** The cost model's contribution to one scoring: computed once from answers and assumptions, never from weights. */
export interface CostAdjustment {
  /** Pack-wide (option × criterion) cells of the options' cost scores. */
  cells: Int32Array;
  /** Each cell's adjustment from its baseline: the cost model's score minus the baseline. It replaces what rules adjusted there. */
  by: Float64Array;
  /** Pack-wide option index of each cell. */
  options: Int32Array;
  /** The reason cited for each cell, in the same order. */
  reasons: ScoreReason[];
  /** The decisions it priced, for the cost risks. */
  priced: PricedDecision[];
}

/**
 * Sets the cost model's scores in `state` (after the factor rules, before clamping): on a cell the model prices,
 * its adjustment replaces the rules', so cost is judged by one model.
 */
export function applyCostAdjustment(state: RuleState, cost: CostAdjustment | null | undefined): void {
  if (!cost) return;
  const { adjust } = state;
  for (let i = 0; i < cost.cells.length; i++) adjust[cost.cells[i]!] = cost.by[i]!;
}

/** Whether the cost model set this pack-wide (option × criterion) cell, so a rule's adjustment of it has no effect. */
export function costModelSets(cost: CostAdjustment | null | undefined, cell: number): boolean {
  if (!cost) return false;
  for (let i = 0; i < cost.cells.length; i++) if (cost.cells[i] === cell) return true;
  return false;
}

/** The cost model's reasons for one pack-wide option (empty when it did not apply to it). */
export function costReasonsFor(cost: CostAdjustment | null | undefined, globalOption: number): ScoreReason[] {
  if (!cost) return [];
  const out: ScoreReason[] = [];
  for (let i = 0; i < cost.options.length; i++) if (cost.options[i] === globalOption) out.push(cost.reasons[i]!);
  return out;
}

/**
 * The cost model's High risk for the option a decision goes with (`option`, an index within it) when it costs
 * COST_RISK_RATIO times the cheapest or more, by a material amount; null otherwise.
 */
export function costRiskFor(cost: CostAdjustment | null | undefined, decision: number, option: number, optionId: string): Risk | null {
  if (!cost || option < 0) return null;
  const priced = cost.priced.find((p) => p.decision === decision);
  if (!priced) return null;
  const monthly = priced.monthly[option]!;
  if (!(monthly === monthly) || option === priced.cheapestOption) return null;
  const ratio = priced.cheapest > 0 ? monthly / priced.cheapest : Infinity;
  if (ratio < COST_RISK_RATIO || monthly - priced.cheapest < priced.material) return null;
  const here = `${priced.what} ${priced.places[option]} costs ${formatMoney(monthly, priced.currency)} a month at production volume`;
  const there = `${priced.places[priced.cheapestOption]} (${formatMoney(priced.cheapest, priced.currency)})`;
  return {
    rule: COST_MODEL_RULE,
    consideration: COST_MODEL_CONSIDERATION,
    severity: 'high',
    option: optionId,
    message: Number.isFinite(ratio)
      ? `${here}, ${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)} times what it costs ${there}.`
      : `${here}, against nothing ${there}.`,
    action: priced.action,
  };
}
