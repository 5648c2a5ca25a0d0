import { COST_ASSUMPTION_INFO, costAssumptionInfoIn, tidyAmount } from './cost-assumptions';
import { CURRENCIES, USD_CONTEXT, type CurrencyCode } from './currency';
import { moneyContextOf } from './parse-cost-assumptions';

/** A workshop's saved assumptions: the fields the room changed from the defaults, with its currency if not USD. */
export type SavedCostAssumptions = Readonly<Record<string, number | string | null>>;

const MONEY_KEYS = new Set<string>(COST_ASSUMPTION_INFO.filter((info) => info.money).map((info) => info.key));

/**
 * The room's saved assumptions moved to another currency: every amount it typed is converted through US dollars
 * (at the old rate, then the new currency's default rate), and the old rate is dropped, so what the room set keeps
 * its worth and the defaults follow the new currency. Unchanged when the currency is already that one.
 */
export function withCurrency(saved: SavedCostAssumptions, currency: CurrencyCode): Record<string, number | string | null> {
  const before = moneyContextOf(saved);
  const from = before.ok ? before.value : USD_CONTEXT;
  if (from.currency === currency) return { ...saved };
  const to = CURRENCIES[currency].defaultUsdRate;
  const ranges = costAssumptionInfoIn({ currency, usdExchangeRate: to });
  const next: Record<string, number | string | null> = {};
  for (const [key, value] of Object.entries(saved)) {
    if (key === 'currency' || key === 'usdExchangeRate') continue;
    if (!MONEY_KEYS.has(key) || typeof value !== 'number') {
      next[key] = value;
      continue;
    }
    // Rounding never takes an amount at the top of its range past it.
    const max = ranges.find((info) => info.key === key)?.max ?? Infinity;
    next[key] = Math.min(max, tidyAmount((value / from.usdExchangeRate) * to));
  }
  if (currency !== 'USD') next.currency = currency;
  return next;
}
