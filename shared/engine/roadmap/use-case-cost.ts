import { formatMoney, organisationCostInput, placementCosts, useCaseCostInput, type CostAssumptions } from '../../cost';
import type { Answers } from '../answers';
import type { CompiledPack } from '../compiled-pack';
import { costScore, COST_DECISIVE_RATIO, COST_MODEL_CONSIDERATION, COST_MODEL_CRITERION, COST_MODEL_RULE, type CostAdjustment, type PricedDecision } from '../cost-criterion';
import type { ScoreReason } from '../evaluation';

/** The use-case decisions the cost model prices, what each prices, and each option as a place in a sentence. */
const PRICED = [
  { decision: 'serving-placement', part: 'serving', what: 'Serving it' },
  { decision: 'training-placement', part: 'training', what: 'Training it' },
] as const;
const PLACES: Readonly<Record<string, string>> = { cloud: 'in the cloud', 'on-premises': 'on-premises', edge: 'at the edge' };

function round3(x: number): number {
  const r = Math.round(x * 1000) / 1000;
  return r === 0 ? 0 : r;
}

/**
 * The cost model's score of one use case's placement options: where serving and training it cost least at
 * production volume (placementCosts) scores 1 on cost, and an option's score falls with the logarithm of its
 * ratio to the cheapest (costScore: 0 at COST_DECISIVE_RATIO times or more), in proportion to how material the
 * difference is; each cited with the monthly figures. It replaces the baseline and any rule on those cells. Null
 * when the pack has no such decisions or `cost` criterion, or nothing is priced. Depends on answers and
 * assumptions only, never the weights.
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
  const priced: PricedDecision[] = [];
  for (const spec of PRICED) {
    const di = pack.decisionIndex.get(spec.decision);
    const figures = costs[spec.part] as Record<string, number> | null;
    if (di === undefined || !figures) continue;
    const d = pack.decisions[di]!;
    const here = d.decision.options.filter((o) => o.id in figures);
    if (here.length < 2) continue;
    const monthly = here.map((o) => figures[o.id]!);
    const cheapest = Math.min(...monthly);
    // Nothing to run (no volume, no hours): nothing to compare.
    if (Math.max(...monthly) === 0) continue;
    const cheapestAt = monthly.indexOf(cheapest);
    // A difference of a few dollars is not a reason to move a use case: cost weighs in proportion to how much is at stake.
    const spread = Math.max(...monthly) - cheapest;
    const material = Math.min(1, spread / assumptions.materialMonthlyDifference);
    const list = here.map((o, i) => `${PLACES[o.id] ?? o.label.toLowerCase()} ${formatMoney(monthly[i]!, assumptions.currency)}`).join(', ');
    const byIndex = new Float64Array(d.optionCount).fill(NaN);
    here.forEach((o, i) => {
      const oi = d.decision.options.indexOf(o);
      byIndex[oi] = monthly[i]!;
      const ratio = cheapest > 0 ? monthly[i]! / cheapest : monthly[i]! > 0 ? Infinity : 1;
      const score = round3(costScore(ratio, material));
      const g = d.optionStart + oi;
      const amount = round3(score - pack.baseline[g * nC + k]!);
      cells.push(g * nC + k);
      by.push(amount);
      options.push(g);
      if (amount === 0) return;
      const standing = i === cheapestAt ? 'the cheapest' : Number.isFinite(ratio) ? `${ratio.toFixed(2)} times the cheapest` : 'dearer than the cheapest, which costs nothing';
      reasons.push({
        rule: COST_MODEL_RULE,
        consideration: COST_MODEL_CONSIDERATION,
        criterion: COST_MODEL_CRITERION,
        by: amount,
        rationale:
          `Cost at production volume: ${spec.what.toLowerCase()} costs ${list} a month; ${PLACES[o.id] ?? o.label.toLowerCase()} is ${standing}` +
          ` (owned estates carry their share of the fixed cost and spare accelerators)` +
          (material < 1 ? `; the options differ by ${formatMoney(spread, assumptions.currency)} a month, ${Math.round(material * 100)}% of a material ${formatMoney(assumptions.materialMonthlyDifference, assumptions.currency)}` : '') +
          `. Its cost score is ${score.toFixed(2)} (1 at the cheapest, 0 at ${COST_DECISIVE_RATIO} times it or more).`,
      });
    });
    priced.push({ decision: di, what: spec.what, monthly: byIndex, cheapest, cheapestOption: d.decision.options.indexOf(here[cheapestAt]!), places: d.decision.options.map((o) => PLACES[o.id] ?? o.label.toLowerCase()), material: assumptions.materialMonthlyDifference, currency: assumptions.currency });
  }
  if (cells.length === 0) return null;
  return { cells: Int32Array.from(cells), by: Float64Array.from(by), options: Int32Array.from(options), reasons, priced };
}
