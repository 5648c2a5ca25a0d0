import type { WorkshopState } from '../../../shared/domain';
import { parseNumberText } from '../../components/number-text';
import type { NumberReading } from '../../components/use-number-draft';
import {
  compactNumber,
  describeAllowedAssumption,
  formatNumber,
  moneyFields,
  parseCostAssumptions,
  USD_CONTEXT,
  withCurrency,
  type CostAssumptionInfo,
  type CostAssumptionKey,
  type CurrencyCode,
  type MoneyContext,
} from '../../../shared/cost';

/** What a typed assumption means: a value to save (null = none, for the budget), or a message naming the field. */
export type AssumptionReading = NumberReading;

/**
 * Reads what a person typed into an assumption's field with the cost model's own check, so the form refuses
 * exactly what saving would. Numbers are read as every number field reads them (separators, a decimal comma,
 * "30k", "1.5M", and "55%" where the assumption is a fraction); an empty budget means none.
 */
export function readAssumption(info: CostAssumptionInfo, text: string, money: MoneyContext = USD_CONTEXT): AssumptionReading {
  const refuse = (): AssumptionReading => ({ ok: false, message: `${info.label} must be ${describeAllowedAssumption(info)}.` });
  if (text.trim() === '') return info.nullable ? { ok: true, value: null } : refuse();
  const value = parseNumberText(text, { fraction: info.unit.startsWith('fraction') });
  if (!Number.isFinite(value)) return refuse();
  // Checked in the workshop's currency: an amount's range follows the rate; a new rate is checked as itself.
  const context = info.key === 'usdExchangeRate' ? { currency: money.currency } : moneyFields(money);
  return parseCostAssumptions({ ...context, [info.key]: value }).ok ? { ok: true, value } : refuse();
}

/** The workshop counted in another currency: the amounts the room set are converted (an edit that can be undone). */
export function withWorkshopCurrency(state: WorkshopState, currency: CurrencyCode): WorkshopState {
  const costAssumptions = withCurrency(state.costAssumptions, currency);
  return { ...state, costAssumptions };
}

/**
 * An assumption as the field shows it: digits without grouping, with the system's decimal mark (so what is shown
 * reads back as the same number when edited in place); empty for none.
 */
export function assumptionText(value: number | null): string {
  return value === null ? '' : value.toLocaleString(undefined, { useGrouping: false, maximumFractionDigits: 12 });
}

/** The allowed range in words for the field's hint: "0 to 1,000", "above 0, up to 100,000,000". */
export function allowedRange(info: CostAssumptionInfo): string {
  const max = formatNumber(info.max, 6);
  const range = info.minExclusive ? `above ${formatNumber(info.min, 6)}, up to ${max}` : `${formatNumber(info.min, 6)} to ${max}`;
  return `${info.integer ? 'whole number, ' : ''}${range}${info.nullable ? '; empty for none' : ''}`;
}

/** The workshop with one assumption set (an edit the session saves and can undo). */
export function withCostAssumption(state: WorkshopState, key: CostAssumptionKey, value: number | null): WorkshopState {
  if (key in state.costAssumptions && state.costAssumptions[key] === value) return state;
  return { ...state, costAssumptions: { ...state.costAssumptions, [key]: value } };
}

/** The workshop with one assumption back at its default (the override removed). */
export function withoutCostAssumption(state: WorkshopState, key: CostAssumptionKey): WorkshopState {
  if (!(key in state.costAssumptions)) return state;
  const costAssumptions = { ...state.costAssumptions };
  delete costAssumptions[key];
  return { ...state, costAssumptions };
}

/** A count for an axis: "350k", "1.2M", whole numbers below 10,000. */
export function shortCount(value: number): string {
  return compactNumber(value) ?? formatNumber(value, 0);
}
