import {
  COST_INPUT_NAMES,
  DEPLOYMENT_OPTIONS,
  costSignals,
  estimateCost,
  type CostAssumptions,
  type CostEstimate,
  type CostInputName,
  type CostInputs,
} from '../cost';
import type { Answers } from './answers';
import type { CompiledPack } from './compiled-pack';
import type { ScoreReason } from './evaluation';
import type { RuleState } from './rule-state';

/** The id the cost model's adjustment is cited by in an option's reasons and in `firedRules`. */
export const COST_MODEL_RULE = 'cost-model';
/** The consideration the cost model's adjustment encodes. */
export const COST_MODEL_CONSIDERATION = 'cost-at-scale';
/** The decision, criterion and options the cost model scores. */
export const COST_MODEL_DECISION = 'deployment';
export const COST_MODEL_CRITERION = 'cost';
/**
 * How far relative cost moves a cost score: by = SPAN × (relativeCost − mean relativeCost). Relative costs lie in
 * (0, 1], so an adjustment stays within ±SPAN × 2/3 = ±0.2, the size of the pack's strongest cost rules.
 */
export const COST_MODEL_SPAN = 0.3;
/** The answers the cost model cannot do without: with either unknown, it has no volume to price. */
export const COST_VOLUME_FACTORS: readonly CostInputName[] = ['monthlyTrainingGpuHours', 'monthlyInferenceRequests'];

/** The cost model's contribution to one evaluation: computed once from answers and assumptions, never from weights. */
export interface CostAdjustment {
  /** Pack-wide (option × criterion) cells of the deployment options' cost scores. */
  cells: Int32Array;
  /** The adjustment added to each cell, in the same order. */
  by: Float64Array;
  /** Pack-wide option index of each cell. */
  options: Int32Array;
  /** The reason cited for each cell, in the same order. */
  reasons: ScoreReason[];
  estimate: CostEstimate;
}

/** The cost model's inputs read from a workshop's answers (the factor ids are the input names). */
export function costInputsFromAnswers(answers: Answers): CostInputs {
  const inputs: Record<string, unknown> = {};
  for (const name of COST_INPUT_NAMES) {
    const value = answers[name];
    if (value !== undefined && value !== null) inputs[name] = value;
  }
  return inputs as CostInputs;
}

/** The volume answers still missing before the cost model can score the deployment options (empty when it can). */
export function missingCostVolumes(answers: Answers): CostInputName[] {
  return COST_VOLUME_FACTORS.filter((name) => {
    const value = answers[name];
    return typeof value !== 'number' || !Number.isFinite(value) || value < 0;
  });
}

function round3(x: number): number {
  const r = Math.round(x * 1000) / 1000;
  return r === 0 ? 0 : r;
}

function signed(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(3)}`;
}

/**
 * The cost model's adjustment of the deployment options' cost scores, or null when it does not apply: the pack
 * has no `deployment` decision with cloud, on-premises and hybrid or no `cost` criterion, a volume answer is
 * missing, or nothing costs anything. Each option gets by = COST_MODEL_SPAN × (relativeCost − mean), with
 * relativeCost from costSignals at production volume, and a reason naming the monthly figures.
 * Depends on answers and assumptions only, so scores stay linear in the weights and flip points exact.
 */
export function costAdjustment(pack: CompiledPack, answers: Answers, assumptions: CostAssumptions): CostAdjustment | null {
  const d = pack.decisionIndex.get(COST_MODEL_DECISION);
  const k = pack.criterionIndex.get(COST_MODEL_CRITERION);
  if (d === undefined || k === undefined) return null;
  const decision = pack.decisions[d]!;
  const optionIndexes = DEPLOYMENT_OPTIONS.map((id) => decision.decision.options.findIndex((o) => o.id === id));
  if (optionIndexes.some((o) => o < 0)) return null;
  if (missingCostVolumes(answers).length > 0) return null;

  const estimate = estimateCost(costInputsFromAnswers(answers), assumptions);
  const production = estimate.scale.production.monthly;
  if (DEPLOYMENT_OPTIONS.every((o) => production[o] === 0)) return null;
  const signals = costSignals(estimate);
  const mean = signals.reduce((sum, s) => sum + s.relativeCost, 0) / signals.length;

  const nC = pack.criteria.length;
  const count = signals.length;
  const cells = new Int32Array(count);
  const by = new Float64Array(count);
  const options = new Int32Array(count);
  const reasons: ScoreReason[] = [];
  signals.forEach((signal, i) => {
    const g = decision.optionStart + optionIndexes[i]!;
    const amount = round3(COST_MODEL_SPAN * (signal.relativeCost - mean));
    cells[i] = g * nC + k;
    by[i] = amount;
    options[i] = g;
    reasons.push({
      rule: COST_MODEL_RULE,
      consideration: COST_MODEL_CONSIDERATION,
      criterion: COST_MODEL_CRITERION,
      by: amount,
      rationale:
        `${signal.rationale} Cost model: relative cost ${signal.relativeCost.toFixed(2)} against the options' mean ` +
        `${mean.toFixed(2)}, so the cost score moves ${signed(amount)} (${COST_MODEL_SPAN} × the difference).`,
    });
  });
  return { cells, by, options, reasons, estimate };
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
