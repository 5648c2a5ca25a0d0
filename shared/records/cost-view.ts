import { DEPLOYMENT_OPTIONS, cheapestOptions, formatMoney, formatNumber, formatPercent, type BudgetStatus, type CostEstimate, type CurrencyCode, type DeploymentOption } from '../cost';
import type { CompiledPack } from '../engine';
import { COST_DECISION } from '../workshop';
import { listAnd } from './record-format';
import { optionLabel } from '../domain';

export { COST_DECISION };

/** One deployment option's monthly cost, as records show it. */
export interface CostRow {
  option: string;
  label: string;
  pilot: string;
  production: string;
  /** Budget status at production volume ('none' without a budget). */
  budget: BudgetStatus;
}

/** One use case's monthly cost at production volume under the deployment the room goes with. */
export interface UseCaseCostRow {
  name: string;
  production: string;
}

/** The cost figures every format prints: rows per deployment option, per use case, and sentences about them. */
export interface CostView {
  rows: CostRow[];
  /** Under `outcome` (the room's choice, else the recommendation); empty without one. */
  useCases: UseCaseCostRow[];
  outcome: { option: string; label: string } | null;
  sentences: string[];
  /** The currency every amount is in (the workshop's). */
  currency: CurrencyCode;
}

const BUDGET_WORDS: Record<BudgetStatus, string> = { ok: 'within budget', warning: 'near the budget (80% or more)', over: 'over budget', none: 'no budget set' };

/** A budget status in words: "over budget". */
export function budgetWords(status: BudgetStatus): string {
  return BUDGET_WORDS[status];
}

/**
 * Formats a cost estimate for records: monthly cost per deployment option at pilot and production volume, each
 * use case's cost under `outcome` (the deployment the room goes with), and sentences about them. `excluded`:
 * the deployment options ruled out for this roadmap (by a constraint, or out of reach), said of the cheapest when it is one of them.
 */
export function costView(pack: CompiledPack, cost: CostEstimate, outcome: string | null = null, excluded: readonly string[] = []): CostView {
  const d = pack.decisionIndex.get(COST_DECISION);
  const label = (option: string) => optionLabel(d === undefined ? undefined : pack.decisions[d]!.decision, option);
  const currency = cost.assumptions.currency;
  const money = (value: number) => formatMoney(value, currency);
  const rows = DEPLOYMENT_OPTIONS.map((option) => ({
    option,
    label: label(option),
    pilot: money(cost.pilot.monthly[option]),
    production: money(cost.production.monthly[option]),
    budget: cost.production.budget.byOption[option].status,
  }));
  const chosen = outcome !== null && (DEPLOYMENT_OPTIONS as readonly string[]).includes(outcome) ? (outcome as DeploymentOption) : null;
  const useCases = chosen ? cost.production.options[chosen].useCases.map((u) => ({ name: u.name, production: money(u.monthly) })) : [];
  const sentences: string[] = [];
  const cheapest = cheapestOptions(cost.production.monthly);
  const ruledOut = cheapest.filter((o) => excluded.includes(o));
  sentences.push(
    `Cheapest at production volume: ${listAnd(cheapest.map(label))}${cheapest.length > 1 ? ', at the same cost' : ''}` +
      (ruledOut.length > 0 ? ` (${listAnd(ruledOut.map(label))} ${ruledOut.length > 1 ? 'are' : 'is'} ruled out for this roadmap).` : '.'),
  );
  sentences.push(
    cost.breakevenUtilization === null
      ? 'Owning the accelerators for your own models does not beat renting them at any utilization with these prices.'
      : `Owning the accelerators for your own models beats renting them above ${formatPercent(cost.breakevenUtilization)} sustained utilization.`,
  );
  if (cost.spotSavings > 0) sentences.push(`Spot capacity saves ${money(cost.spotSavings)} a month on interruptible training in the cloud.`);
  if (cost.assumptions.monthlyBudget !== null) {
    sentences.push(`Monthly budget ${money(cost.assumptions.monthlyBudget)}: at production volume the cheapest option is ${budgetWords(cost.production.budget.status)}.`);
  }
  if (currency !== 'USD') {
    sentences.push(`Amounts are in ${currency}: the default list prices are converted from US dollars at ${formatNumber(cost.assumptions.usdExchangeRate, 6)} ${currency} per dollar.`);
  }
  sentences.push(...cost.notes);
  return { rows, useCases, outcome: chosen ? { option: chosen, label: label(chosen) } : null, sentences, currency };
}
