// The Cost step's form helpers: what a typed assumption means, and the edits it makes to the workshop.
import { describe, expect, it } from 'vitest';
import { emptyWorkshopState } from '../../../../../shared/domain';
import { COST_ASSUMPTION_INFO, parseCostAssumptions, type CostAssumptionKey } from '../../../../../shared/cost';
import { allowedRange, readAssumption, usd, withCostAssumption, withoutCostAssumption } from '../../../../../renderer/features/cost/cost-form';

const info = (key: CostAssumptionKey) => COST_ASSUMPTION_INFO.find((i) => i.key === key)!;

describe('readAssumption', () => {
  it('accepts what the cost model accepts, with separators', () => {
    expect(readAssumption(info('cloudHourlyPrice'), '6.5')).toEqual({ ok: true, value: 6.5 });
    expect(readAssumption(info('acceleratorPurchasePrice'), '30,000')).toEqual({ ok: true, value: 30_000 });
    expect(readAssumption(info('spotDiscount'), '0.6')).toEqual({ ok: true, value: 0.6 });
    expect(readAssumption(info('monthlyBudget'), '')).toEqual({ ok: true, value: null });
  });

  it('reads numbers as people type them: a decimal comma, a scale, a percentage where the assumption is a fraction', () => {
    expect(readAssumption(info('spotDiscount'), '0,65')).toEqual({ ok: true, value: 0.65 });
    expect(readAssumption(info('spotDiscount'), '65%')).toEqual({ ok: true, value: 0.65 });
    expect(readAssumption(info('acceleratorPurchasePrice'), '30k')).toEqual({ ok: true, value: 30_000 });
    expect(readAssumption(info('monthlyBudget'), '1.5M')).toEqual({ ok: true, value: 1_500_000 });
    // A percentage where the assumption is not a fraction is refused, not read as something else.
    expect(readAssumption(info('acceleratorPurchasePrice'), '30%')).toMatchObject({ ok: false });
    // Before: "1,5" lost its comma and was read as 15.
    expect(readAssumption(info('cloudHourlyPrice'), '1,5')).toEqual({ ok: true, value: 1.5 });
  });

  it('refuses out-of-range, non-numbers and empty required fields, naming the field and what is allowed', () => {
    expect(readAssumption(info('spotDiscount'), '1.2')).toEqual({
      ok: false,
      message: 'Spot discount must be a number between 0.6 and 0.9 (fraction off the on-demand price).',
    });
    expect(readAssumption(info('amortizationMonths'), '36.5')).toEqual({ ok: false, message: 'Amortization period must be a whole number between 1 and 120 (months).' });
    expect(readAssumption(info('cloudHourlyPrice'), 'four')).toMatchObject({ ok: false });
    expect(readAssumption(info('cloudHourlyPrice'), '')).toMatchObject({ ok: false });
    expect(readAssumption(info('monthlyBudget'), '0')).toMatchObject({ ok: false, message: expect.stringMatching(/^Monthly budget must be a number greater than 0/) });
  });

  it('agrees with parseCostAssumptions for every field at and beyond its bounds', () => {
    for (const i of COST_ASSUMPTION_INFO) {
      for (const v of [i.min, i.max, i.min - 1, i.max + 1, (i.min + i.max) / 2]) {
        expect(readAssumption(i, String(v)).ok, `${i.key} ${v}`).toBe(parseCostAssumptions({ [i.key]: v }).ok);
      }
    }
  });

  it('says the range in words', () => {
    expect(allowedRange(info('amortizationMonths'))).toBe('whole number, 1 to 120');
    expect(allowedRange(info('monthlyBudget'))).toBe('above 0, up to 1,000,000,000,000; empty for none');
  });
});

describe('workshop edits', () => {
  it('sets and resets one assumption, leaving the rest of the state alone', () => {
    const empty = emptyWorkshopState();
    const set = withCostAssumption(empty, 'cloudHourlyPrice', 6);
    expect(set.costAssumptions).toEqual({ cloudHourlyPrice: 6 });
    expect(set.answers).toBe(empty.answers);
    expect(withCostAssumption(set, 'cloudHourlyPrice', 6)).toBe(set);
    expect(withoutCostAssumption(set, 'cloudHourlyPrice').costAssumptions).toEqual({});
    expect(withoutCostAssumption(empty, 'cloudHourlyPrice')).toBe(empty);
    expect(withCostAssumption(empty, 'monthlyBudget', null).costAssumptions).toEqual({ monthlyBudget: null });
  });

  it('formats USD for cells and axes', () => {
    expect(usd(65_333.33)).toBe('65,333');
    expect(usd(4.5)).toBe('4.5');
    expect(usd(150_000, true)).toBe('150k');
    expect(usd(2_500_000, true)).toBe('2.5M');
    expect(usd(900, true)).toBe('900');
  });
});
