import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatUsd } from '../../../../shared/cost';

describe('number formatting for sentences', () => {
  it('groups thousands and trims decimals, whatever the locale', () => {
    expect(formatNumber(1_234_567.891)).toBe('1,234,567.89');
    expect(formatNumber(1_000_000_000_000)).toBe('1,000,000,000,000');
    expect(formatNumber(0.6, 6)).toBe('0.6');
    expect(formatNumber(-1_500.5, 0)).toBe('-1,501');
    expect(formatNumber(-0.001)).toBe('0');
  });

  it('shows whole dollars from 100 up and cents below', () => {
    expect(formatUsd(77_333.3333)).toBe('77,333 USD');
    expect(formatUsd(4.5)).toBe('4.5 USD');
    expect(formatPercent(0.618728)).toBe('62%');
  });
});
