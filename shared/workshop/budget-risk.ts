import { formatMoney, type CostEstimate, type DeploymentOption } from '../cost';
import type { Evaluation, Risk } from '../engine';
import { appliedChoice } from './applied-choice';

/** The id the budget overrun is cited by among the deployment decision's risks. */
export const BUDGET_RISK_RULE = 'cost-model.over-budget';

/**
 * The deployment decision with a High risk when the option it goes with (the room's choice while it applies, else
 * the recommendation) costs more than the monthly budget at production volume, with the figures and the budget alerts
 * to set; the evaluation unchanged otherwise (no budget, within it, or nothing priced).
 */
export function withBudgetRisk<E extends Pick<Evaluation, 'decisions'>>(evaluation: E, estimate: CostEstimate | null, decided: Readonly<Record<string, string>>): E {
  const budget = estimate?.production.budget.monthlyBudget ?? null;
  const deployment = evaluation.decisions.find((d) => d.id === 'deployment');
  if (!estimate || budget === null || !deployment) return evaluation;
  // A choice counts only while the decision applies (one made before is set aside).
  const outcome = (appliedChoice(deployment, decided) ?? deployment.recommended) as DeploymentOption | null;
  if (!outcome || estimate.production.budget.byOption[outcome]?.status !== 'over') return evaluation;
  const monthly = estimate.production.monthly[outcome];
  const label = deployment.ranking.find((r) => r.option === outcome)?.label ?? outcome;
  const risk: Risk = {
    rule: BUDGET_RISK_RULE,
    consideration: 'cost-at-scale',
    severity: 'high',
    option: outcome,
    message: `At production volume ${label} costs ${formatMoney(monthly, estimate.assumptions.currency)} a month, ${(monthly / budget).toFixed(1)} times the monthly budget of ${formatMoney(budget, estimate.assumptions.currency)}.`,
    action:
      'Set budget alerts at 50%, 80% and 100% of the budget, with each use case’s share attributed; bring production within it (reserved or spot capacity, scheduling and auto-scaling, smaller or quantized models) or agree a new budget before scaling.',
  };
  const risks = [risk, ...deployment.risks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'high' ? -1 : 1));
  return { ...evaluation, decisions: evaluation.decisions.map((d) => (d === deployment ? { ...d, risks } : d)) };
}
