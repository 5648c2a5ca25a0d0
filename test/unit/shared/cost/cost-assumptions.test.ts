import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COST_ASSUMPTION_INFO,
  CostAssumptionsSchema,
  DEFAULT_COST_ASSUMPTIONS,
  formatNumber,
  parseCostAssumptions,
  type CostAssumptionKey,
} from '../../../../shared/cost';

describe('default cost assumptions', () => {
  it('agree with the documented table, value for value and key for key', () => {
    const fromTable = Object.fromEntries(COST_ASSUMPTION_INFO.map((i) => [i.key, i.defaultValue]));
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

  it('pass their own schema', () => {
    expect(CostAssumptionsSchema.safeParse(DEFAULT_COST_ASSUMPTIONS).success).toBe(true);
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
    const inRange = fc.constantFrom(...COST_ASSUMPTION_INFO.filter((i) => !i.integer)).chain((info) =>
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
