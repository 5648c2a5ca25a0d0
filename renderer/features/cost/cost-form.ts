import type { WorkshopState } from '../../../shared/domain';
import { parseNumberText } from '../../components/number-text';
import type { NumberReading } from '../../components/use-number-draft';
import {
  describeAllowedAssumption,
  formatNumber,
  parseCostAssumptions,
  type CostAssumptionInfo,
  type CostAssumptionKey,
} from '../../../shared/cost';

/** What a typed assumption means: a value to save (null = none, for the budget), or a message naming the field. */
export type AssumptionReading = NumberReading;

/**
 * Reads what a person typed into an assumption's field with the cost model's own check, so the form refuses
 * exactly what saving would. Numbers are read as every number field reads them (separators, a decimal comma,
 * "30k", "1.5M", and "55%" where the assumption is a fraction); an empty budget means none.
 */
export function readAssumption(info: CostAssumptionInfo, text: string): AssumptionReading {
  const refuse = (): AssumptionReading => ({ ok: false, message: `${info.label} must be ${describeAllowedAssumption(info)}.` });
  if (text.trim() === '') return info.nullable ? { ok: true, value: null } : refuse();
  const value = parseNumberText(text, { fraction: info.unit.startsWith('fraction') });
  if (!Number.isFinite(value)) return refuse();
  return parseCostAssumptions({ [info.key]: value }).ok ? { ok: true, value } : refuse();
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

/** USD for a table cell or an axis: "12,345", "4.50" below 100, "1.2M" / "350k" when `short`. */
export function usd(value: number, short = false): string {
  if (short) {
    const abs = Math.abs(value);
    if (abs >= 1e9) return `${formatNumber(value / 1e9, 1)}B`;
    if (abs >= 1e6) return `${formatNumber(value / 1e6, 1)}M`;
    if (abs >= 1e4) return `${formatNumber(value / 1e3, 0)}k`;
  }
  return formatNumber(value, Math.abs(value) >= 100 ? 0 : 2);
}
