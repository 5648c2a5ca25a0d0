import { z } from 'zod';
import { CURRENCIES, CURRENCY_CODES, DEFAULT_CURRENCY, USD_CONTEXT, type CurrencyCode, type MoneyContext } from './currency';

/**
 * What a workshop may change about prices, throughput and the shape of the estate. Every field has a unit, a
 * range a person can type, a default and one line of why; the defaults describe H100-class accelerators and
 * list prices of 2025.
 */
export interface CostAssumptions {
  /** USD per accelerator, bought outright (card share of the server included). */
  acceleratorPurchasePrice: number;
  /** Months over which the purchase is written off (straight line, no residual value). */
  amortizationMonths: number;
  /** Power, cooling, space, networking and support as a fraction of the amortized hardware cost per month. */
  onPremisesOverheadRatio: number;
  /** USD per month of running an owned estate at all (operations staff, facilities minimums), whatever its size. */
  onPremisesFixedMonthly: number;
  /** USD per accelerator-hour rented on demand in the cloud. */
  cloudHourlyPrice: number;
  /** Fraction taken off the on-demand price for spot / preemptible capacity (0.7 = spot costs 30%). */
  spotDiscount: number;
  /** Fraction a managed ML platform adds to the accelerator price it rents out. */
  managedPlatformMarkup: number;
  /** USD per month of the people who build and keep one model of one's own (not needed for an API or a vendor's solution). */
  modelTeamMonthly: number;
  /** USD per month of running one's own ML platform (pipelines, registry, serving, monitoring), shared by the use cases on it. */
  mlPlatformFixedMonthly: number;
  /** Requests one accelerator serves in an hour, by what the use case does; the first is for a use case whose task is not known. */
  inferenceRequestsPerAcceleratorHour: number;
  throughputLanguageGeneration: number;
  throughputVision: number;
  throughputSpeech: number;
  throughputTabularPrediction: number;
  throughputRecommendation: number;
  throughputIndustryTask: number;
  /** USD per 1,000 tokens of a foundation-model API (input and output blended). */
  foundationModelPricePerThousandTokens: number;
  /** Tokens in and out of one call to a foundation model. */
  tokensPerRequest: number;
  /** USD per call of a pre-built AI API. */
  prebuiltApiPricePerCall: number;
  /** USD per call (transaction) of an industry-specific solution's licence. */
  industrySolutionPricePerCall: number;
  /** USD per GB (1 GB = 10^9 bytes, as clouds bill) of data leaving the cloud. */
  egressPricePerGb: number;
  /** USD a month: a difference in cost between two places for one use case weighs in full from this much, in proportion below. */
  materialMonthlyDifference: number;
  /** USD per month the programme may spend; null = no budget set. */
  monthlyBudget: number | null;
  /** Units of the workshop's currency one US dollar buys: converts the list prices above (always 1 for USD). */
  usdExchangeRate: number;
  /**
   * The currency of every amount: the defaults above are US list prices converted at `usdExchangeRate`, and the
   * amounts a room types are in this currency (the "USD" in the field notes reads as this currency).
   */
  currency: CurrencyCode;
}

/** The name of one numeric assumption, as it appears in `costAssumptions` of the answers file. */
export type CostAssumptionKey = Exclude<keyof CostAssumptions, 'currency'>;

/** Describes one assumption for validation messages and for the editable table in the Cost step. */
export interface CostAssumptionInfo {
  key: CostAssumptionKey;
  label: string;
  /** What one unit is: "months"; for an amount of money, what it is per ("per accelerator"), after the currency. */
  unit: string;
  /** True for an amount of money: shown after the currency's code, and its range and default follow the rate. */
  money?: boolean;
  /** Smallest allowed value (see `minExclusive`). */
  min: number;
  /** Largest allowed value (inclusive). */
  max: number;
  /** True when `min` itself is not allowed (a divisor that must stay positive). */
  minExclusive: boolean;
  integer: boolean;
  /** True when null is allowed (and means "not set"). */
  nullable: boolean;
  defaultValue: number | null;
  rationale: string;
}

/** Every assumption with its unit (an amount's without its currency), range, default and rationale, in US dollars. */
/** An assumption as the table below writes it: a flag left out is false. */
type AssumptionSpec = Omit<CostAssumptionInfo, 'minExclusive' | 'integer' | 'nullable'> & Partial<Pick<CostAssumptionInfo, 'minExclusive' | 'integer' | 'nullable'>>;

const ASSUMPTION_SPECS: readonly AssumptionSpec[] = [
  {
    key: 'acceleratorPurchasePrice',
    label: 'Accelerator purchase price',
    unit: 'per accelerator',
    money: true,
    min: 0,
    max: 1_000_000,
    defaultValue: 30_000,
    rationale: 'An H100-class data-centre accelerator with its share of the server; 0 for hardware already paid for.',
  },
  {
    key: 'amortizationMonths',
    label: 'Amortization period',
    unit: 'months',
    min: 1,
    max: 120,
    integer: true,
    defaultValue: 36,
    rationale: 'Three years is the usual depreciation period for servers, and roughly one accelerator generation.',
  },
  {
    key: 'onPremisesOverheadRatio',
    label: 'On-premises overhead',
    unit: 'fraction of amortized hardware per month',
    min: 0,
    max: 5,
    defaultValue: 0.35,
    rationale: 'Power and cooling (~1.7 kW per accelerator at PUE 1.4), rack space, networking and support contracts add about a third; staff is the fixed cost below.',
  },
  {
    key: 'onPremisesFixedMonthly',
    label: 'Owned estate, fixed cost',
    unit: 'per month',
    money: true,
    min: 0,
    max: 100_000_000,
    defaultValue: 40_000,
    rationale: 'About three platform and operations engineers and the facilities minimums an owned AI estate of a server (8 accelerators) or more needs; a smaller one carries its share, and data-centre capacity already in place carries part of it.',
  },
  {
    key: 'cloudHourlyPrice',
    label: 'Cloud accelerator price (on demand)',
    unit: 'per accelerator-hour',
    money: true,
    min: 0,
    max: 1_000,
    defaultValue: 4,
    rationale: 'H100-class on demand runs ~2-3 USD at GPU clouds and ~4-12 USD at hyperscalers; 4 USD is the low hyperscaler end.',
  },
  {
    key: 'spotDiscount',
    label: 'Spot discount',
    unit: 'fraction off the on-demand price',
    min: 0.6,
    max: 0.9,
    defaultValue: 0.7,
    rationale: 'Providers advertise spot / preemptible capacity at 60-90% off; 70% is a typical accelerator discount.',
  },
  {
    key: 'managedPlatformMarkup',
    label: 'Managed platform markup',
    unit: 'fraction added to the accelerator price',
    min: 0,
    max: 5,
    defaultValue: 0.25,
    rationale: 'Managed ML platforms charge about 20-40% over the bare accelerator price for the tooling and operations they include.',
  },
  {
    key: 'modelTeamMonthly',
    label: 'People per model of your own',
    unit: 'per model per month',
    money: true,
    min: 0,
    max: 10_000_000,
    defaultValue: 15_000,
    rationale: 'About one data scientist or ML engineer, fully loaded, for each model you build and run: building it (spread over its life), then evaluating, retraining and watching it. A consumed API or a vendor’s solution needs none of this; integrating any of them is alike and left out. It weighs in how each use case is sourced, not in the estimates above.',
  },
  {
    key: 'mlPlatformFixedMonthly',
    label: 'Your own ML platform, fixed cost',
    unit: 'per month',
    money: true,
    min: 0,
    max: 100_000_000,
    defaultValue: 30_000,
    rationale: 'About two platform engineers keeping your own pipelines, model registry, serving and monitoring running, shared by the use cases built on it; a managed platform’s share of this is in its markup. It weighs in how each use case is sourced, not in the estimates above.',
  },
  {
    key: 'inferenceRequestsPerAcceleratorHour',
    label: 'Throughput, task not known',
    unit: 'requests per accelerator-hour',
    min: 0,
    max: 100_000_000,
    minExclusive: true,
    defaultValue: 10_000,
    rationale: 'As for language generation, the most demanding task: a use case whose task is not known is not priced as cheap.',
  },
  {
    key: 'throughputLanguageGeneration',
    label: 'Throughput, language generation',
    unit: 'requests per accelerator-hour',
    min: 0,
    max: 100_000_000,
    minExclusive: true,
    defaultValue: 10_000,
    rationale: 'About 2.8 requests a second: a large language model giving ~500-token answers with batching.',
  },
  {
    key: 'throughputVision',
    label: 'Throughput, vision',
    unit: 'requests per accelerator-hour',
    min: 0,
    max: 100_000_000,
    minExclusive: true,
    defaultValue: 1_000_000,
    rationale: 'About 280 images a second: an object-detection model batched on one accelerator.',
  },
  {
    key: 'throughputSpeech',
    label: 'Throughput, speech',
    unit: 'requests per accelerator-hour',
    min: 0,
    max: 100_000_000,
    minExclusive: true,
    defaultValue: 20_000,
    rationale: 'About 5.5 one-minute recordings a second: a large speech-recognition model running ~300 times faster than real time.',
  },
  {
    key: 'throughputTabularPrediction',
    label: 'Throughput, prediction on tabular data',
    unit: 'requests per accelerator-hour',
    min: 0,
    max: 1_000_000_000,
    minExclusive: true,
    defaultValue: 20_000_000,
    rationale: 'About 5,500 predictions a second: tree ensembles and small networks are light; they often run on CPUs, priced here as a slice of an accelerator.',
  },
  {
    key: 'throughputRecommendation',
    label: 'Throughput, recommendation and ranking',
    unit: 'requests per accelerator-hour',
    min: 0,
    max: 1_000_000_000,
    minExclusive: true,
    defaultValue: 5_000_000,
    rationale: 'About 1,400 ranked lists a second: candidate retrieval followed by a ranking model.',
  },
  {
    key: 'throughputIndustryTask',
    label: 'Throughput, industry task',
    unit: 'requests per accelerator-hour',
    min: 0,
    max: 1_000_000_000,
    minExclusive: true,
    defaultValue: 1_000_000,
    rationale: 'A vendor’s domain model on your hardware, sized like a vision model.',
  },
  {
    key: 'foundationModelPricePerThousandTokens',
    label: 'Foundation-model API price',
    unit: 'per 1,000 tokens',
    money: true,
    min: 0,
    max: 100,
    defaultValue: 0.005,
    rationale: 'A frontier model’s API blended over input and output: about 2.5 USD per million input and 10 per million output tokens.',
  },
  {
    key: 'tokensPerRequest',
    label: 'Tokens per request',
    unit: 'tokens',
    min: 0,
    max: 1_000_000,
    minExclusive: true,
    defaultValue: 1_500,
    rationale: 'A question with retrieved context and a ~500-token answer.',
  },
  {
    key: 'prebuiltApiPricePerCall',
    label: 'Pre-built API price',
    unit: 'per call',
    money: true,
    min: 0,
    max: 100,
    defaultValue: 0.001,
    rationale: 'Image labelling and text analysis list at about 1 USD per 1,000 calls; speech costs a few cents a minute.',
  },
  {
    key: 'industrySolutionPricePerCall',
    label: 'Industry solution licence',
    unit: 'per call',
    money: true,
    min: 0,
    max: 1_000,
    defaultValue: 0.01,
    rationale: 'Domain solutions are licensed per transaction, per case or per seat; a cent a transaction is a middle figure.',
  },
  {
    key: 'egressPricePerGb',
    label: 'Egress price',
    unit: 'per GB',
    money: true,
    min: 0,
    max: 10,
    defaultValue: 0.09,
    rationale: 'First-tier internet egress list price at the large clouds is about 0.08-0.12 USD per GB.',
  },
  {
    key: 'materialMonthlyDifference',
    label: 'Material cost difference',
    unit: 'per month',
    money: true,
    min: 0,
    max: 1_000_000_000,
    minExclusive: true,
    defaultValue: 5_000,
    rationale: 'Below a few thousand dollars a month, where one use case runs is decided by its data, latency and skills, not by its bill; cost weighs in full from this difference, in proportion below.',
  },
  {
    key: 'monthlyBudget',
    label: 'Monthly budget',
    unit: 'per month',
    money: true,
    min: 0,
    max: 1_000_000_000_000,
    minExclusive: true,
    nullable: true,
    defaultValue: null,
    rationale: 'Not set by default: only the room knows it; with no budget the status is "none".',
  },
  {
    key: 'usdExchangeRate',
    label: 'US dollar exchange rate',
    unit: 'per US dollar',
    min: 0,
    max: 100_000,
    minExclusive: true,
    defaultValue: 1,
    rationale:
      'List prices are in US dollars: the defaults above are converted at this rate, and amounts you type are in the workshop’s currency. Use the rate your finance team plans with.',
  },
];

const ASSUMPTIONS_IN_DOLLARS: readonly CostAssumptionInfo[] = ASSUMPTION_SPECS.map((a) => ({ minExclusive: false, integer: false, nullable: false, ...a }));

/**
 * The assumptions as a workshop in `money`'s currency sees them: amounts in that currency, their ranges and
 * defaults converted from US dollars at its rate, and units that name it ("EUR per accelerator").
 */
export function costAssumptionInfoIn(money: MoneyContext): readonly CostAssumptionInfo[] {
  const key = `${money.currency}:${money.usdExchangeRate}`;
  const cached = infoCache.get(key);
  if (cached) return cached;
  const rate = money.usdExchangeRate;
  const list = ASSUMPTIONS_IN_DOLLARS.map((info): CostAssumptionInfo => {
    if (info.key === 'usdExchangeRate') return { ...info, unit: `${money.currency} ${info.unit}`, defaultValue: CURRENCIES[money.currency].defaultUsdRate };
    if (!info.money) return info;
    return {
      ...info,
      unit: `${money.currency} ${info.unit}`,
      max: convertedAmount(info.max, rate),
      defaultValue: info.defaultValue === null ? null : convertedAmount(info.defaultValue, rate),
    };
  });
  if (infoCache.size > 64) infoCache.clear();
  infoCache.set(key, list);
  return list;
}
const infoCache = new Map<string, readonly CostAssumptionInfo[]>();

/**
 * Every assumption with its unit, range, default and rationale, in the order the Cost step shows them, as a
 * workshop in US dollars sees it (costAssumptionInfoIn for another currency).
 */
export const COST_ASSUMPTION_INFO: readonly CostAssumptionInfo[] = costAssumptionInfoIn(USD_CONTEXT);

/** A US-dollar amount in a currency at `rate`, tidied (tidyAmount) so 30,000 × 0.86 reads 25,800. */
export function convertedAmount(usd: number, rate: number): number {
  return rate === 1 ? usd : tidyAmount(usd * rate);
}

/** A converted amount as a person would write it: to the cent from 1 up, to 4 significant digits below (0.0774 a GB). */
export function tidyAmount(amount: number): number {
  return Math.abs(amount) >= 1 ? Math.round(amount * 100) / 100 : Number(amount.toPrecision(4));
}

function fieldSchema(info: CostAssumptionInfo): z.ZodType {
  let n = z.number();
  if (info.integer) n = n.int();
  n = info.minExclusive ? n.gt(info.min) : n.gte(info.min);
  n = n.lte(info.max);
  return info.nullable ? n.nullable() : n;
}

/**
 * The zod schema of `costAssumptions` in one currency: strict (unknown fields are refused), every field optional
 * and filled from that currency's defaults. `currency` itself is read before (parseCostAssumptions).
 */
export function costAssumptionsSchema(money: MoneyContext): z.ZodType<Omit<CostAssumptions, 'currency'>, Partial<CostAssumptions>> {
  const key = `${money.currency}:${money.usdExchangeRate}`;
  const cached = schemaCache.get(key);
  if (cached) return cached;
  const schema = z.strictObject({
    currency: z.enum(CURRENCY_CODES).optional(),
    ...Object.fromEntries(costAssumptionInfoIn(money).map((info) => [info.key, fieldSchema(info).default(info.defaultValue)])),
  }) as unknown as z.ZodType<Omit<CostAssumptions, 'currency'>, Partial<CostAssumptions>>;
  if (schemaCache.size > 64) schemaCache.clear();
  schemaCache.set(key, schema);
  return schema;
}
const schemaCache = new Map<string, z.ZodType<Omit<CostAssumptions, 'currency'>, Partial<CostAssumptions>>>();

/** The default assumptions, in US dollars (see COST_ASSUMPTION_INFO for each one's unit and rationale). */
export const DEFAULT_COST_ASSUMPTIONS: Readonly<CostAssumptions> = Object.freeze({
  ...(Object.fromEntries(COST_ASSUMPTION_INFO.map((info) => [info.key, info.defaultValue])) as unknown as Omit<CostAssumptions, 'currency'>),
  currency: DEFAULT_CURRENCY,
});

/** The default assumptions in a currency: list prices converted at its rate (its default rate unless given). */
export function defaultCostAssumptions(currency: CurrencyCode, usdExchangeRate = CURRENCIES[currency].defaultUsdRate): CostAssumptions {
  const money: MoneyContext = { currency, usdExchangeRate: currency === 'USD' ? 1 : usdExchangeRate };
  return {
    ...(Object.fromEntries(costAssumptionInfoIn(money).map((info) => [info.key, info.defaultValue])) as unknown as Omit<CostAssumptions, 'currency'>),
    currency,
  };
}
