import { DEPLOYMENT_OPTIONS, formatNumber, formatPercent, formatUsd, type BudgetStatus, type CostEstimate } from '../cost';
import type { CompiledPack } from '../engine';

/** The decision whose options the cost model prices. */
export const COST_DECISION = 'deployment';

/** One deployment option's monthly cost, as records show it. */
export interface CostRow {
  option: string;
  label: string;
  pilot: string;
  production: string;
  /** Budget status at production volume ('none' without a budget). */
  budget: BudgetStatus;
}

/** The cost figures every format prints: rows per deployment option and sentences about them. */
export interface CostView {
  rows: CostRow[];
  productionFactor: string;
  sentences: string[];
}

const BUDGET_WORDS: Record<BudgetStatus, string> = { ok: 'within budget', warning: 'near the budget (80% or more)', over: 'over budget', none: 'no budget set' };

/** A budget status in words: "over budget". */
export function budgetWords(status: BudgetStatus): string {
  return BUDGET_WORDS[status];
}

/** Formats a cost estimate for records: monthly cost per deployment option at pilot and production volume, with notes. */
export function costView(pack: CompiledPack, cost: CostEstimate): CostView {
  const d = pack.decisionIndex.get(COST_DECISION);
  const options = d === undefined ? [] : pack.decisions[d]!.decision.options;
  const rows = DEPLOYMENT_OPTIONS.map((option) => ({
    option,
    label: options.find((o) => o.id === option)?.label ?? option,
    pilot: formatUsd(cost.scale.pilot.monthly[option]),
    production: formatUsd(cost.scale.production.monthly[option]),
    budget: cost.scale.production.budget.byOption[option].status,
  }));
  const label = (option: string) => rows.find((r) => r.option === option)?.label ?? option;
  const sentences: string[] = [];
  sentences.push(`Cheapest at production volume: ${label(cost.scale.production.budget.cheapestOption)}.`);
  sentences.push(
    cost.breakevenUtilization === null
      ? 'Owning accelerators does not beat renting them at any utilization with these prices.'
      : `Owning beats renting above ${formatPercent(cost.breakevenUtilization)} sustained accelerator utilization.`,
  );
  if (cost.spotSavings > 0) sentences.push(`Spot capacity saves ${formatUsd(cost.spotSavings)} a month on interruptible training at pilot volume.`);
  if (cost.assumptions.monthlyBudget !== null) {
    sentences.push(`Monthly budget ${formatUsd(cost.assumptions.monthlyBudget)}: at production volume the cheapest option is ${budgetWords(cost.scale.production.budget.status)}.`);
  }
  sentences.push(...cost.notes);
  return { rows, productionFactor: formatNumber(cost.scale.production.volumeFactor, 2), sentences };
}
