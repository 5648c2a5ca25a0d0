import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, formatNumber, formatPercent } from '../../../../shared/cost';

describe('number formatting for sentences', () => {
  it('groups thousands and trims decimals, whatever the locale', () => {
    expect(formatNumber(1_234_567.891)).toBe('1,234,567.89');
    expect(formatNumber(1_000_000_000_000)).toBe('1,000,000,000,000');
    expect(formatNumber(0.6, 6)).toBe('0.6');
    expect(formatNumber(-1_500.5, 0)).toBe('-1,501');
    expect(formatNumber(-0.001)).toBe('0');
  });

  it('shows whole dollars from 100 up and cents below', () => {
    expect(formatMoney(77_333.3333, 'USD')).toBe('77,333 USD');
    expect(formatMoney(4.5, 'USD')).toBe('4.5 USD');
    expect(formatMoney(4.567, 'EUR')).toBe('4.57 EUR');
    // the yen has no minor unit in use: never "4.57 JPY"
    expect(formatMoney(4.567, 'JPY')).toBe('5 JPY');
    expect(formatMoney(4_650_000, 'JPY')).toBe('4,650,000 JPY');
    expect(formatAmount(2_500_000, 'GBP', true)).toBe('2.5M');
    expect(formatAmount(150_000, 'CHF', true)).toBe('150k');
    expect(formatPercent(0.618728)).toBe('62%');
  });
});
