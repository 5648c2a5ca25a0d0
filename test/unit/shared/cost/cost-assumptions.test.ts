import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COST_ASSUMPTION_INFO,
  CURRENCIES,
  CURRENCY_CODES,
  DEFAULT_COST_ASSUMPTIONS,
  costAssumptionInfoIn,
  costAssumptionsSchema,
  defaultCostAssumptions,
  formatNumber,
  parseCostAssumptions,
  type CostAssumptionKey,
} from '../../../../shared/cost';

describe('default cost assumptions', () => {
  it('agree with the documented table, value for value and key for key', () => {
    const fromTable = { ...Object.fromEntries(COST_ASSUMPTION_INFO.map((i) => [i.key, i.defaultValue])), currency: 'USD' };
    expect(fromTable).toEqual(DEFAULT_COST_ASSUMPTIONS);
    expect(Object.keys(fromTable)).toEqual(Object.keys(DEFAULT_COST_ASSUMPTIONS));
  });

  it('state the values the issue asks for', () => {
    expect(DEFAULT_COST_ASSUMPTIONS.acceleratorPurchasePrice).toBe(30_000);
    expect(DEFAULT_COST_ASSUMPTIONS.spotDiscount).toBe(0.7);
    expect(DEFAULT_COST_ASSUMPTIONS.monthlyBudget).toBeNull();
    // running an owned estate at all has a fixed cost (about three engineers and facilities minimums)
    expect(DEFAULT_COST_ASSUMPTIONS.onPremisesFixedMonthly).toBe(40_000);
  });

  it('give each task its own throughput: a vision or tabular model serves far more than a language model', () => {
    const d = DEFAULT_COST_ASSUMPTIONS;
    // a task not known is priced as the most demanding one
    expect(d.inferenceRequestsPerAcceleratorHour).toBe(d.throughputLanguageGeneration);
    for (const other of [d.throughputVision, d.throughputSpeech, d.throughputTabularPrediction, d.throughputRecommendation, d.throughputIndustryTask]) {
      expect(other).toBeGreaterThan(d.throughputLanguageGeneration);
    }
    // one call to a foundation model: 1,500 tokens × 0.005 USD / 1,000 = 0.0075 USD, more than a pre-built API call
    expect((d.tokensPerRequest * d.foundationModelPricePerThousandTokens) / 1_000).toBeCloseTo(0.0075, 12);
    expect(d.prebuiltApiPricePerCall).toBeLessThan(0.0075);
  });

  it('refuse 0 for every divisor: throughputs, tokens per request and the material difference', () => {
    const divisors = COST_ASSUMPTION_INFO.filter((i) => i.key.startsWith('throughput') || i.key === 'inferenceRequestsPerAcceleratorHour' || i.key === 'tokensPerRequest' || i.key === 'materialMonthlyDifference');
    expect(divisors).toHaveLength(9);
    for (const info of divisors) {
      expect(info.minExclusive, info.key).toBe(true);
      expect(parseCostAssumptions({ [info.key]: 0 }).ok, info.key).toBe(false);
    }
  });

  it('give every assumption a unit and a one-line rationale', () => {
    for (const info of COST_ASSUMPTION_INFO) {
      expect(info.unit.length).toBeGreaterThan(0);
      expect(info.rationale.length).toBeGreaterThan(20);
      expect(info.rationale).not.toContain('\n');
    }
  });

  it('are the ones shared/cost/README.md documents, field for field', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../../shared/cost/README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `(\w+)` \| [^|]+ \| [^|]+ \| [^|]+ \| ([^|]+) \| [^|]+ \|$/gm)].map((m) => [m[1], m[2]!.trim()]);
    expect(rows).toEqual(COST_ASSUMPTION_INFO.map((i) => [i.key, i.defaultValue === null ? 'null' : formatNumber(i.defaultValue, 6)]));
  });

  it('pass their own schema, in every currency', () => {
    expect(costAssumptionsSchema({ currency: 'USD', usdExchangeRate: 1 }).safeParse(DEFAULT_COST_ASSUMPTIONS).success).toBe(true);
    for (const currency of CURRENCY_CODES) {
      const defaults = defaultCostAssumptions(currency);
      expect(parseCostAssumptions(defaults).ok, currency).toBe(true);
      expect(parseCostAssumptions({ currency })).toEqual({ ok: true, value: defaults });
    }
  });
});

describe('assumptions in another currency', () => {
  it('convert every amount\'s default and range at the rate, and nothing else', () => {
    const eur = defaultCostAssumptions('EUR');
    expect(eur.usdExchangeRate).toBe(CURRENCIES.EUR.defaultUsdRate);
    for (const info of COST_ASSUMPTION_INFO) {
      const key = info.key;
      if (key === 'usdExchangeRate') continue;
      const usd = DEFAULT_COST_ASSUMPTIONS[key];
      if (info.money && usd !== null) expect(eur[key], key).toBeCloseTo(usd * 0.86, 9);
      else expect(eur[key], key).toBe(usd);
    }
    const yen = costAssumptionInfoIn({ currency: 'JPY', usdExchangeRate: 150 });
    expect(yen.find((i) => i.key === 'acceleratorPurchasePrice')).toMatchObject({ unit: 'JPY per accelerator', max: 150_000_000, defaultValue: 4_500_000 });
    expect(yen.find((i) => i.key === 'amortizationMonths')).toMatchObject({ unit: 'months', max: 120, defaultValue: 36 });
    // the rate's own default is the currency's, whatever rate the room set
    expect(yen.find((i) => i.key === 'usdExchangeRate')).toMatchObject({ unit: 'JPY per US dollar', defaultValue: 155 });
  });

  it('read amounts in the currency given, at the rate given', () => {
    const read = parseCostAssumptions({ currency: 'GBP', usdExchangeRate: 0.8, monthlyBudget: 50_000 });
    expect(read.ok && read.value).toMatchObject({ currency: 'GBP', usdExchangeRate: 0.8, monthlyBudget: 50_000, acceleratorPurchasePrice: 24_000, onPremisesFixedMonthly: 32_000 });
  });

  it('refuse an unknown currency, a rate with US dollars, and a rate out of range, naming the field', () => {
    expect(parseCostAssumptions({ currency: 'AUD' })).toEqual({ ok: false, issues: [{ path: 'costAssumptions.currency', message: 'costAssumptions.currency must be one of USD, EUR, GBP, CHF, JPY; got "AUD"', allowed: 'one of USD, EUR, GBP, CHF, JPY' }] });
    expect(parseCostAssumptions({ usdExchangeRate: 0.9 })).toEqual({
      ok: false,
      issues: [{ path: 'costAssumptions.usdExchangeRate', message: 'costAssumptions.usdExchangeRate must be 1 (or left out) when the currency is USD; got 0.9', allowed: '1 (or left out) when the currency is USD' }],
    });
    expect(parseCostAssumptions({ currency: 'CHF', usdExchangeRate: 0 })).toEqual({
      ok: false,
      issues: [{ path: 'costAssumptions.usdExchangeRate', message: 'costAssumptions.usdExchangeRate must be a number greater than 0 and at most 100,000 (CHF per US dollar); got 0', allowed: 'a number greater than 0 and at most 100,000 (CHF per US dollar)' }],
    });
    // an amount is checked in the workshop's currency: 1.5M is a plausible accelerator in yen, not in dollars
    expect(parseCostAssumptions({ currency: 'JPY', acceleratorPurchasePrice: 1_500_000 }).ok).toBe(true);
    expect(parseCostAssumptions({ acceleratorPurchasePrice: 1_500_000 }).ok).toBe(false);
  });
});

describe('parseCostAssumptions', () => {
  it('fills every missing field from the defaults', () => {
    expect(parseCostAssumptions({})).toEqual({ ok: true, value: DEFAULT_COST_ASSUMPTIONS });
    expect(parseCostAssumptions(undefined)).toEqual({ ok: true, value: DEFAULT_COST_ASSUMPTIONS });
    expect(parseCostAssumptions(null)).toEqual({ ok: true, value: DEFAULT_COST_ASSUMPTIONS });
    expect(parseCostAssumptions({ spotDiscount: 0.8, monthlyBudget: 50_000 })).toEqual({
      ok: true,
      value: { ...DEFAULT_COST_ASSUMPTIONS, spotDiscount: 0.8, monthlyBudget: 50_000 },
    });
  });

  it('accepts the ends of every range', () => {
    expect(parseCostAssumptions({ spotDiscount: 0.6 }).ok).toBe(true);
    expect(parseCostAssumptions({ spotDiscount: 0.9 }).ok).toBe(true);
    expect(parseCostAssumptions({ amortizationMonths: 1, acceleratorPurchasePrice: 0, cloudHourlyPrice: 0 }).ok).toBe(true);
  });

  it('names the field, what is allowed and what was found', () => {
    expect(parseCostAssumptions({ spotDiscount: 1.2 })).toEqual({
      ok: false,
      issues: [
        {
          path: 'costAssumptions.spotDiscount',
          message: 'costAssumptions.spotDiscount must be a number between 0.6 and 0.9 (fraction off the on-demand price); got 1.2',
          allowed: 'a number between 0.6 and 0.9 (fraction off the on-demand price)',
        },
      ],
    });
  });

  it('reports wrong types, non-integers, exclusive minimums and null where it is not allowed', () => {
    const result = parseCostAssumptions({
      amortizationMonths: 36.5,
      cloudHourlyPrice: '4',
      inferenceRequestsPerAcceleratorHour: 0,
      egressPricePerGb: null,
      monthlyBudget: 0,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual([
      'costAssumptions.amortizationMonths must be a whole number between 1 and 120 (months); got 36.5',
      'costAssumptions.cloudHourlyPrice must be a number between 0 and 1,000 (USD per accelerator-hour); got "4"',
      'costAssumptions.inferenceRequestsPerAcceleratorHour must be a number greater than 0 and at most 100,000,000 (requests per accelerator-hour); got 0',
      'costAssumptions.egressPricePerGb must be a number between 0 and 10 (USD per GB); got null',
      'costAssumptions.monthlyBudget must be a number greater than 0 and at most 1,000,000,000,000 (USD per month), or null for none; got 0',
    ]);
  });

  it('refuses unknown fields, suggesting the closest known one', () => {
    const result = parseCostAssumptions({ spotDiscont: 0.7, colour: 'blue' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['costAssumptions.spotDiscont', 'costAssumptions.colour']);
    expect(result.issues[0]!.message).toMatch(/^costAssumptions\.spotDiscont is not a cost assumption \(did you mean spotDiscount\?\); allowed: acceleratorPurchasePrice, /);
    expect(result.issues[1]!.message).not.toContain('did you mean');
  });

  it('suggests the one known field a shortened or differently written name stands for', () => {
    const result = parseCostAssumptions({ spot_discount: 0.7, egressPrice: 0.05 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message.split(';')[0])).toEqual([
      'costAssumptions.spot_discount is not a cost assumption (did you mean spotDiscount?)',
      'costAssumptions.egressPrice is not a cost assumption (did you mean egressPricePerGb?)',
    ]);
  });

  it('refuses a non-object, and uses the path it is given', () => {
    expect(parseCostAssumptions(5)).toEqual({
      ok: false,
      issues: [{ path: 'costAssumptions', message: 'costAssumptions must be an object of cost assumptions; got 5' }],
    });
    const nested = parseCostAssumptions({ spotDiscount: 2 }, 'workshop.costAssumptions');
    expect(!nested.ok && nested.issues[0]!.path).toBe('workshop.costAssumptions.spotDiscount');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseCostAssumptions(input);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  it('names the field of any out-of-range value (property)', () => {
    const outOfRange = fc.constantFrom(...COST_ASSUMPTION_INFO).chain((info) =>
      fc
        .oneof(
          fc.double({ max: info.min, noNaN: true, noDefaultInfinity: true }).filter((v) => v < info.min || (info.minExclusive && v === info.min)),
          fc.double({ min: info.max, noNaN: true, noDefaultInfinity: true }).filter((v) => v > info.max),
          fc.constant(Number.NaN),
          fc.string(),
        )
        .map((value) => ({ key: info.key, value })),
    );
    fc.assert(
      fc.property(outOfRange, ({ key, value }: { key: CostAssumptionKey; value: unknown }) => {
        const result = parseCostAssumptions({ [key]: value });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues).toHaveLength(1);
        expect(result.issues[0]!.path).toBe(`costAssumptions.${key}`);
        expect(result.issues[0]!.message.startsWith(`costAssumptions.${key} must be `)).toBe(true);
        expect(result.issues[0]!.message).toContain('; got ');
      }),
    );
  });

  it('accepts any in-range value and returns it unchanged (property)', () => {
    // (the rate: US dollars are always at 1; see 'assumptions in another currency')
    const inRange = fc.constantFrom(...COST_ASSUMPTION_INFO.filter((i) => !i.integer && i.key !== 'usdExchangeRate')).chain((info) =>
      fc
        .double({ min: info.min, max: info.max, noNaN: true })
        .filter((v) => !(info.minExclusive && v <= info.min) && !Object.is(v, -0))
        .map((value) => ({ key: info.key, value })),
    );
    fc.assert(
      fc.property(inRange, ({ key, value }) => {
        const result = parseCostAssumptions({ [key]: value });
        expect(result).toEqual({ ok: true, value: { ...DEFAULT_COST_ASSUMPTIONS, [key]: value } });
      }),
    );
  });
});
