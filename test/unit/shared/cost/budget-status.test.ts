import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetStatus, cheapestOptions, checkBudget } from '../../../../shared/cost';

describe('budgetStatus', () => {
  it('is none without a budget', () => {
    expect(budgetStatus(1_000_000, null)).toBe('none');
  });

  it('switches to warning at exactly 80% and to over just above 100%', () => {
    expect(budgetStatus(79.99, 100)).toBe('ok');
    expect(budgetStatus(80, 100)).toBe('warning'); // exactly 80%
    expect(budgetStatus(100, 100)).toBe('warning'); // exactly the budget: at it, not over it
    expect(budgetStatus(100.01, 100)).toBe('over');
    // 0.8 × 3 = 2.4000000000000004 in floating point; 2.4 is still exactly 80% of 3
    expect(budgetStatus(2.4, 3)).toBe('warning');
    expect(budgetStatus(0, 100)).toBe('ok');
  });

  it('holds the 80% and 100% thresholds for any budget in cents (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000_000 }), (fifthsOfBudgetCents) => {
        const budgetCents = fifthsOfBudgetCents * 5; // so that 80% is a whole number of cents
        const budget = budgetCents / 100;
        const eighty = (fifthsOfBudgetCents * 4) / 100;
        expect(budgetStatus(eighty, budget)).toBe('warning');
        expect(budgetStatus((fifthsOfBudgetCents * 4 - 1) / 100, budget)).toBe('ok');
        expect(budgetStatus(budget, budget)).toBe('warning');
        expect(budgetStatus((budgetCents + 1) / 100, budget)).toBe('over');
      }),
    );
  });
});

describe('checkBudget', () => {
  it('reports every option and takes the headline status from the cheapest', () => {
    const check = checkBudget({ cloud: 9_000, 'on-premises': 12_000, hybrid: 7_000 }, 10_000);
    expect(check).toEqual({
      monthlyBudget: 10_000,
      status: 'ok', // hybrid: 7,000 / 10,000 = 70%
      cheapestOption: 'hybrid',
      byOption: {
        cloud: { status: 'warning', shareOfBudget: 0.9 },
        'on-premises': { status: 'over', shareOfBudget: 1.2 },
        hybrid: { status: 'ok', shareOfBudget: 0.7 },
      },
    });
  });

  it('breaks ties by the option order and has no shares without a budget', () => {
    const check = checkBudget({ cloud: 5, 'on-premises': 5, hybrid: 5 }, null);
    expect(check.cheapestOption).toBe('cloud');
    expect(check.status).toBe('none');
    expect(check.byOption.hybrid).toEqual({ status: 'none', shareOfBudget: null });
  });
});

describe('cheapestOptions', () => {
  it('shows a tie as a tie: every option as cheap as the cheapest to the whole dollar', () => {
    expect(cheapestOptions({ cloud: 9_000, 'on-premises': 7_000.2, hybrid: 7_000.4 })).toEqual(['on-premises', 'hybrid']);
    expect(cheapestOptions({ cloud: 9_000, 'on-premises': 7_000.2, hybrid: 7_001 })).toEqual(['on-premises']);
    expect(cheapestOptions({ cloud: 0, 'on-premises': 0, hybrid: 0 })).toEqual(['cloud', 'on-premises', 'hybrid']);
  });
});
