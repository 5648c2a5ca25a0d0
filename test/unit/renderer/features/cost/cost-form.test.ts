// The Cost step's form helpers: what a typed assumption means, and the edits it makes to the workshop.
import { describe, expect, it } from 'vitest';
import { emptyWorkshopState } from '../../../../../shared/domain';
import { COST_ASSUMPTION_INFO, costAssumptionInfoIn, parseCostAssumptions, type CostAssumptionKey } from '../../../../../shared/cost';
import { workshopCostAssumptions } from '../../../../../shared/workshop';
import { allowedRange, readAssumption, shortCount, withCostAssumption, withoutCostAssumption, withWorkshopCurrency } from '../../../../../renderer/features/cost/cost-form';

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

  it('formats counts for an axis', () => {
    expect(shortCount(150_000)).toBe('150k');
    expect(shortCount(2_500_000)).toBe('2.5M');
    expect(shortCount(900)).toBe('900');
    expect(shortCount(12.5)).toBe('13');
  });
});

describe('a workshop in another currency', () => {
  const yen = { currency: 'JPY' as const, usdExchangeRate: 155 };
  const inYen = (key: CostAssumptionKey) => costAssumptionInfoIn(yen).find((i) => i.key === key)!;

  it('checks an amount in that currency: 4.5M yen for an accelerator is allowed, where 4.5M dollars is not', () => {
    expect(readAssumption(inYen('acceleratorPurchasePrice'), '4.5M', yen)).toEqual({ ok: true, value: 4_500_000 });
    const refused = readAssumption(info('acceleratorPurchasePrice'), '4.5M');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toBe('Accelerator purchase price must be a number between 0 and 1,000,000 (USD per accelerator).');
    const tooMuch = readAssumption(inYen('acceleratorPurchasePrice'), '200M', yen);
    expect(!tooMuch.ok && tooMuch.message).toBe('Accelerator purchase price must be a number between 0 and 155,000,000 (JPY per accelerator).');
  });

  it('checks a new rate on its own, not against the current one', () => {
    expect(readAssumption(inYen('usdExchangeRate'), '-3', yen)).toEqual({ ok: false, message: 'US dollar exchange rate must be a number greater than 0 and at most 100,000 (JPY per US dollar).' });
    expect(readAssumption(inYen('usdExchangeRate'), '148.5', yen)).toEqual({ ok: true, value: 148.5 });
    expect(readAssumption(inYen('usdExchangeRate'), '0', yen).ok).toBe(false);
  });

  it('converts the amounts the room set when the currency changes, and keeps everything else', () => {
    const usd = { ...emptyWorkshopState(), costAssumptions: { monthlyBudget: 100_000, spotDiscount: 0.8 } };
    const eur = withWorkshopCurrency(usd, 'EUR');
    expect(eur.costAssumptions).toEqual({ monthlyBudget: 86_000, spotDiscount: 0.8, currency: 'EUR' });
    // a rate the room set is used to convert back, then dropped with the currency it belonged to
    const atRate = withWorkshopCurrency({ ...eur, costAssumptions: { ...eur.costAssumptions, usdExchangeRate: 0.5 } }, 'GBP');
    expect(atRate.costAssumptions).toEqual({ monthlyBudget: 129_000, spotDiscount: 0.8, currency: 'GBP' });
    const back = withWorkshopCurrency(eur, 'USD');
    expect(back.costAssumptions).toEqual({ monthlyBudget: 100_000, spotDiscount: 0.8 });
    expect(withWorkshopCurrency(eur, 'EUR').costAssumptions).toEqual(eur.costAssumptions);
    // Amounts come back as a person writes them (to the cent), and one at the top of its range stays in it.
    const typedInEuros = { ...emptyWorkshopState(), costAssumptions: { currency: 'EUR', usdExchangeRate: 0.9, monthlyBudget: 200_000 } };
    expect(withWorkshopCurrency(typedInEuros, 'USD').costAssumptions).toEqual({ monthlyBudget: 222_222.22 });
    const roundTrip = withWorkshopCurrency(withWorkshopCurrency({ ...emptyWorkshopState(), costAssumptions: { monthlyBudget: 1_234_567 } }, 'EUR'), 'USD');
    expect(roundTrip.costAssumptions.monthlyBudget).toBeCloseTo(1_234_567, 1);
    const atTheTop = { ...emptyWorkshopState(), costAssumptions: { currency: 'EUR', usdExchangeRate: 0.7, acceleratorPurchasePrice: 700_000 } };
    const inDollars = withWorkshopCurrency(atTheTop, 'USD');
    expect(inDollars.costAssumptions).toEqual({ acceleratorPurchasePrice: 1_000_000 });
    expect(parseCostAssumptions(inDollars.costAssumptions).ok).toBe(true);
    // the model reads the converted workshop: the budget the room set, the default prices at the rate
    const model = workshopCostAssumptions(eur.costAssumptions);
    expect(model).toMatchObject({ currency: 'EUR', usdExchangeRate: 0.86, monthlyBudget: 86_000, acceleratorPurchasePrice: 25_800, cloudHourlyPrice: 3.44 });
  });
});
