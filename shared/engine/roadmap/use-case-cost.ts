import { formatUsd, organisationCostInput, placementCosts, useCaseCostInput, type CostAssumptions } from '../../cost';
import type { Answers } from '../answers';
import type { CompiledPack } from '../compiled-pack';
import { COST_MODEL_CONSIDERATION, COST_MODEL_CRITERION, COST_MODEL_RULE, COST_MODEL_SPAN, type CostAdjustment } from '../cost-criterion';
import type { ScoreReason } from '../evaluation';

/** The use-case decisions the cost model prices, and the cost each option of theirs stands for. */
const PRICED = [
  { decision: 'serving-placement', part: 'serving', what: 'Serving it' },
  { decision: 'training-placement', part: 'training', what: 'Training it' },
] as const;

function round3(x: number): number {
  const r = Math.round(x * 1000) / 1000;
  return r === 0 ? 0 : r;
}

function signed(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(3)}`;
}

/**
 * The cost model's adjustment of one use case's placement options: where serving and training it cost least at
 * production volume (placementCosts) scores best on cost, by = SPAN × (relativeCost − mean), relativeCost =
 * cheapest / this option's; each cited with the monthly figures. Null when the pack has no such decisions or
 * `cost` criterion, or the volumes are not known. Depends on answers and assumptions only, never the weights.
 */
export function useCaseCostAdjustment(pack: CompiledPack, answers: Answers, organisation: Answers, assumptions: CostAssumptions, roadmapSize: number): CostAdjustment | null {
  const k = pack.criterionIndex.get(COST_MODEL_CRITERION);
  if (k === undefined) return null;
  const costs = placementCosts(useCaseCostInput('', '', answers, null), organisationCostInput(organisation), assumptions, roadmapSize);
  const nC = pack.criteria.length;
  const cells: number[] = [];
  const by: number[] = [];
  const options: number[] = [];
  const reasons: ScoreReason[] = [];
  for (const spec of PRICED) {
    const di = pack.decisionIndex.get(spec.decision);
    const priced = costs[spec.part] as Record<string, number> | null;
    if (di === undefined || !priced) continue;
    const d = pack.decisions[di]!;
    const here = d.decision.options.filter((o) => o.id in priced);
    if (here.length < 2) continue;
    const monthly = here.map((o) => priced[o.id]!);
    const cheapest = Math.min(...monthly);
    const relative = monthly.map((m) => (m === 0 ? 1 : cheapest / m));
    const mean = relative.reduce((s, r) => s + r, 0) / relative.length;
    // A difference of a few dollars is not a reason to move a use case: cost weighs in proportion to how much is at stake.
    const spread = Math.max(...monthly) - cheapest;
    const material = Math.min(1, spread / assumptions.materialMonthlyDifference);
    const figures = here.map((o, i) => `${o.label.toLowerCase()} ${formatUsd(monthly[i]!)}`).join(', ');
    here.forEach((o, i) => {
      const amount = round3(COST_MODEL_SPAN * (relative[i]! - mean) * material);
      if (amount === 0) return;
      const g = d.optionStart + d.decision.options.indexOf(o);
      cells.push(g * nC + k);
      by.push(amount);
      options.push(g);
      const ratio = monthly[i] === cheapest ? 'the cheapest' : cheapest === 0 ? 'dearer than the cheapest' : `${(monthly[i]! / cheapest).toFixed(2)}× the cheapest`;
      reasons.push({
        rule: COST_MODEL_RULE,
        consideration: COST_MODEL_CONSIDERATION,
        criterion: COST_MODEL_CRITERION,
        by: amount,
        rationale:
          `Cost at projected scale: ${spec.what.toLowerCase()} a month at production volume costs ${figures}; ${o.label.toLowerCase()} is ${ratio}` +
          ` (owned estates carry their share of the fixed cost and spare accelerators)` +
          (material < 1 ? `; the options differ by ${formatUsd(spread)} a month, ${Math.round(material * 100)}% of a material ${formatUsd(assumptions.materialMonthlyDifference)}` : '') +
          `. The cost score moves ${signed(amount)}.`,
      });
    });
  }
  if (cells.length === 0) return null;
  return { cells: Int32Array.from(cells), by: Float64Array.from(by), options: Int32Array.from(options), reasons };
}
