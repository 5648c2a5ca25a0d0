import { COST_ASSUMPTION_INFO, costAssumptionInfoIn, costAssumptionsSchema, type CostAssumptionInfo, type CostAssumptions } from './cost-assumptions';
import { CURRENCIES, CURRENCY_CODES, DEFAULT_CURRENCY, isCurrencyCode, type MoneyContext } from './currency';
import { closestId } from '../util';
import type { CostIssue } from './cost-issue';
import { formatNumber } from './format-number';

/** The outcome of reading `costAssumptions`: the full assumptions, or every problem found. */
export type CostAssumptionsResult = { ok: true; value: CostAssumptions } | { ok: false; issues: CostIssue[] };

const KNOWN_KEYS = [...COST_ASSUMPTION_INFO.map((info) => info.key), 'currency'];

/** What a field allows, as a predicate: "a whole number between 1 and 120", "a number greater than 0 and at most 10". */
export function describeAllowedAssumption(info: CostAssumptionInfo): string {
  const kind = info.integer ? 'a whole number' : 'a number';
  const range = info.minExclusive
    ? `greater than ${formatNumber(info.min, 6)} and at most ${formatNumber(info.max, 6)}`
    : `between ${formatNumber(info.min, 6)} and ${formatNumber(info.max, 6)}`;
  return `${kind} ${range} (${info.unit})${info.nullable ? ', or null for none' : ''}`;
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type MoneyReading = { ok: true; value: MoneyContext } | { ok: false; key: 'currency' | 'usdExchangeRate'; allowed: string };

/**
 * The currency and rate `costAssumptions` are in, read before the amounts because their ranges and defaults
 * follow them: no currency is US dollars; no rate is the currency's default; US dollars are always at 1.
 */
export function moneyContextOf(source: Record<string, unknown>): MoneyReading {
  const currency = source.currency ?? DEFAULT_CURRENCY;
  if (!isCurrencyCode(currency)) return { ok: false, key: 'currency', allowed: `one of ${CURRENCY_CODES.join(', ')}` };
  const rate = source.usdExchangeRate;
  if (currency === 'USD') {
    if (rate !== undefined && rate !== 1) return { ok: false, key: 'usdExchangeRate', allowed: '1 (or left out) when the currency is USD' };
    return { ok: true, value: { currency, usdExchangeRate: 1 } };
  }
  if (rate === undefined) return { ok: true, value: { currency, usdExchangeRate: CURRENCIES[currency].defaultUsdRate } };
  const info = costAssumptionInfoIn({ currency, usdExchangeRate: CURRENCIES[currency].defaultUsdRate }).find((i) => i.key === 'usdExchangeRate')!;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= info.min || rate > info.max) {
    return { ok: false, key: 'usdExchangeRate', allowed: describeAllowedAssumption(info) };
  }
  return { ok: true, value: { currency, usdExchangeRate: rate } };
}

/**
 * Reads `costAssumptions` from an answers file or a form: fills missing fields with the defaults, refuses
 * unknown fields, wrong types and out-of-range values with a sentence per field. Never throws.
 * `undefined` or `null` means "no assumptions given" and yields the defaults.
 */
export function parseCostAssumptions(input: unknown, path = 'costAssumptions'): CostAssumptionsResult {
  const source = input ?? {};
  if (!isPlainObject(source)) {
    return { ok: false, issues: [{ path, message: `${path} must be an object of cost assumptions; got ${describeFound(input)}` }] };
  }
  const money = moneyContextOf(source);
  if (!money.ok) {
    return { ok: false, issues: [{ path: `${path}.${money.key}`, message: `${path}.${money.key} must be ${money.allowed}; got ${describeFound(source[money.key])}`, allowed: money.allowed }] };
  }
  const infos = costAssumptionInfoIn(money.value);
  const parsed = costAssumptionsSchema(money.value).safeParse(source);
  if (parsed.success) return { ok: true, value: { ...parsed.data, currency: money.value.currency } };

  const issues: CostIssue[] = [];
  const seen = new Set<string>();
  const add = (issue: CostIssue): void => {
    if (seen.has(issue.path)) return; // one sentence per field, even when zod finds two faults in it
    seen.add(issue.path);
    issues.push(issue);
  };
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = closestId(key, KNOWN_KEYS);
        const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
        add({ path: `${path}.${key}`, message: `${path}.${key} is not a cost assumption${hint}; allowed: ${KNOWN_KEYS.join(', ')}` });
      }
      continue;
    }
    const key = issue.path[0];
    const info = infos.find((i) => i.key === key);
    if (info === undefined) {
      // Not reachable with this schema; kept so a future field can never produce a silent failure.
      add({ path, message: `${path}: ${issue.message}` });
      continue;
    }
    const fieldPath = `${path}.${info.key}`;
    const allowed = describeAllowedAssumption(info);
    add({ path: fieldPath, message: `${fieldPath} must be ${allowed}; got ${describeFound(source[info.key])}`, allowed });
  }
  return { ok: false, issues };
}
