import { DEPLOYMENT_OPTIONS, cheapestOptions, formatMoney, formatPercent, type BudgetCheck, type CurrencyCode, type BudgetStatus, type OptionTotals } from '../../../shared/cost';

interface BudgetAlertsProps {
  levels: Array<{ name: string; budget: BudgetCheck; monthly: OptionTotals }>;
  optionLabel: (option: string) => string;
  /** The currency of the amounts and the budget. */
  currency: CurrencyCode;
}

const STATUS_WORDS: Record<Exclude<BudgetStatus, 'none'>, { badge: string; mark: string }> = {
  ok: { badge: 'Within budget', mark: '✓' },
  warning: { badge: 'Warning: 80% of budget or more', mark: '!' },
  over: { badge: 'Over budget', mark: '✕' },
};

/** Budget status per volume, in words and symbols as well as colour: that of the cheapest option, then each option's share. */
export function BudgetAlerts({ levels, optionLabel, currency }: BudgetAlertsProps) {
  const budget = levels[0]?.budget.monthlyBudget ?? null;
  if (budget === null) {
    return (
      <p className="budget-none muted">
        No monthly budget is set, so there are no budget alerts. Set one under Assumptions (Monthly budget) to see whether each option fits.
      </p>
    );
  }
  return (
    <ul className="budget-alerts" aria-label="Budget alerts">
      {levels.map(({ name, budget: check, monthly }) => {
        const status = check.status === 'none' ? 'ok' : check.status;
        const words = STATUS_WORDS[status];
        const tied = cheapestOptions(monthly);
        const cheapest = check.cheapestOption;
        const share = check.byOption[cheapest].shareOfBudget ?? 0;
        const which = tied.length > 1 ? `the cheapest options, ${tied.map(optionLabel).join(' and ')}, cost` : `the cheapest option, ${optionLabel(cheapest)}, costs`;
        return (
          <li key={name} className={`budget-alert budget-${status}`}>
            <span className="budget-badge">
              <span aria-hidden="true" className="budget-mark">
                {words.mark}
              </span>
              {words.badge}
            </span>
            <p>
              <strong>{name}:</strong> {which} {formatMoney(monthly[cheapest], currency)} a month, {formatPercent(share)} of the{' '}
              {formatMoney(budget, currency)} budget.{' '}
              <span className="muted">
                {DEPLOYMENT_OPTIONS.map((o) => `${optionLabel(o)} ${formatPercent(check.byOption[o].shareOfBudget ?? 0)} (${check.byOption[o].status})`).join(' · ')}
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
