import { z } from 'zod';

/**
 * What a workshop may change about prices and the shape of the fleet. Every field has a unit, a range a
 * person can type, a default and one line of why; the defaults describe an H100-class accelerator in 2024-25.
 */
export interface CostAssumptions {
  /** USD per accelerator, bought outright (card share of the server included). */
  acceleratorPurchasePrice: number;
  /** Months over which the purchase is written off (straight line, no residual value). */
  amortizationMonths: number;
  /** Power, cooling, space and operations as a fraction of the amortized hardware cost per month. */
  onPremisesOverheadRatio: number;
  /** USD per accelerator-hour rented on demand in the cloud. */
  cloudHourlyPrice: number;
  /** Fraction taken off the on-demand price for spot / preemptible capacity (0.7 = spot costs 30%). */
  spotDiscount: number;
  /** Inference requests one accelerator serves in one hour. */
  inferenceRequestsPerAcceleratorHour: number;
  /** USD per GB (1 GB = 10^9 bytes, as clouds bill) of data leaving the cloud. */
  egressPricePerGb: number;
  /** Production volume as a multiple of the volume the answers describe (the pilot). */
  pilotToProductionScale: number;
  /** USD per month the programme may spend; null = no budget set. */
  monthlyBudget: number | null;
}

/** The name of one assumption, as it appears in `costAssumptions` of the answers file. */
export type CostAssumptionKey = keyof CostAssumptions;

/** Describes one assumption for validation messages and for the editable table in the Cost step. */
export interface CostAssumptionInfo {
  key: CostAssumptionKey;
  label: string;
  unit: string;
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

/** Every assumption with its unit, range, default and rationale, in the order the Cost step shows them. */
export const COST_ASSUMPTION_INFO: readonly CostAssumptionInfo[] = [
  {
    key: 'acceleratorPurchasePrice',
    label: 'Accelerator purchase price',
    unit: 'USD per accelerator',
    min: 0,
    max: 1_000_000,
    minExclusive: false,
    integer: false,
    nullable: false,
    defaultValue: 30_000,
    rationale: 'An H100-class data-centre accelerator with its share of the server; 0 models hardware already owned.',
  },
  {
    key: 'amortizationMonths',
    label: 'Amortization period',
    unit: 'months',
    min: 1,
    max: 120,
    minExclusive: false,
    integer: true,
    nullable: false,
    defaultValue: 36,
    rationale: 'Three years is the usual depreciation period for servers, and roughly one accelerator generation.',
  },
  {
    key: 'onPremisesOverheadRatio',
    label: 'On-premises overhead',
    unit: 'fraction of amortized hardware per month',
    min: 0,
    max: 5,
    minExclusive: false,
    integer: false,
    nullable: false,
    defaultValue: 0.6,
    rationale: 'Power and cooling (~1.7 kW per accelerator at PUE 1.4), rack space, networking, support and staff add about 60%.',
  },
  {
    key: 'cloudHourlyPrice',
    label: 'Cloud accelerator price (on demand)',
    unit: 'USD per accelerator-hour',
    min: 0,
    max: 1_000,
    minExclusive: false,
    integer: false,
    nullable: false,
    defaultValue: 4,
    rationale: 'H100-class on demand runs ~2-3 USD at GPU clouds and ~4-12 USD at hyperscalers; 4 USD is the low hyperscaler end.',
  },
  {
    key: 'spotDiscount',
    label: 'Spot discount',
    unit: 'fraction off the on-demand price',
    min: 0.6,
    max: 0.9,
    minExclusive: false,
    integer: false,
    nullable: false,
    defaultValue: 0.7,
    rationale: 'Providers advertise spot / preemptible capacity at 60-90% off; 70% is a typical accelerator discount.',
  },
  {
    key: 'inferenceRequestsPerAcceleratorHour',
    label: 'Inference throughput',
    unit: 'requests per accelerator-hour',
    min: 0,
    max: 100_000_000,
    minExclusive: true,
    integer: false,
    nullable: false,
    defaultValue: 10_000,
    rationale: 'About 2.8 requests a second: a large language model giving ~500-token answers with batching.',
  },
  {
    key: 'egressPricePerGb',
    label: 'Egress price',
    unit: 'USD per GB',
    min: 0,
    max: 10,
    minExclusive: false,
    integer: false,
    nullable: false,
    defaultValue: 0.09,
    rationale: 'First-tier internet egress list price at the large clouds is about 0.08-0.12 USD per GB.',
  },
  {
    key: 'pilotToProductionScale',
    label: 'Pilot-to-production scale',
    unit: 'times the pilot volume',
    min: 1,
    max: 10_000,
    minExclusive: false,
    integer: false,
    nullable: false,
    defaultValue: 10,
    rationale: 'Production commonly serves an order of magnitude more users and data than the pilot the room describes.',
  },
  {
    key: 'monthlyBudget',
    label: 'Monthly budget',
    unit: 'USD per month',
    min: 0,
    max: 1_000_000_000_000,
    minExclusive: true,
    integer: false,
    nullable: true,
    defaultValue: null,
    rationale: 'Not set by default: only the room knows it; with no budget the status is "none".',
  },
];

function fieldSchema(info: CostAssumptionInfo): z.ZodType {
  let n = z.number();
  if (info.integer) n = n.int();
  n = info.minExclusive ? n.gt(info.min) : n.gte(info.min);
  n = n.lte(info.max);
  return info.nullable ? n.nullable() : n;
}

/**
 * The zod schema of `costAssumptions`: strict (unknown fields are refused), every field optional and filled
 * from DEFAULT_COST_ASSUMPTIONS. Use parseCostAssumptions for messages a person can act on.
 */
export const CostAssumptionsSchema = z.strictObject(
  Object.fromEntries(COST_ASSUMPTION_INFO.map((info) => [info.key, fieldSchema(info).default(info.defaultValue)])),
) as unknown as z.ZodType<CostAssumptions, Partial<CostAssumptions>>;

/** The default assumptions (see COST_ASSUMPTION_INFO for each one's unit and rationale). */
export const DEFAULT_COST_ASSUMPTIONS: Readonly<CostAssumptions> = Object.freeze({
  acceleratorPurchasePrice: 30_000,
  amortizationMonths: 36,
  onPremisesOverheadRatio: 0.6,
  cloudHourlyPrice: 4,
  spotDiscount: 0.7,
  inferenceRequestsPerAcceleratorHour: 10_000,
  egressPricePerGb: 0.09,
  pilotToProductionScale: 10,
  monthlyBudget: null,
});
