import type { WorkshopState } from '../domain';
import { DEFAULT_COST_ASSUMPTIONS, isCurrencyCode, moneyContextOf, moneyFields, parseCostAssumptions, type CostAssumptions } from '../cost';

/**
 * A workshop's cost assumptions: the room's values over the defaults, in its currency. Saved values were checked
 * on save; a field that somehow is not valid falls back to its default rather than hiding every other one.
 */
export function workshopCostAssumptions(saved: WorkshopState['costAssumptions'] | undefined): CostAssumptions {
  const source = saved ?? {};
  const read = parseCostAssumptions(source);
  if (read.ok) return read.value;
  // Each field is checked in the workshop's currency (an amount's range follows the rate).
  const money = moneyContextOf(source);
  const context: Record<string, string | number> = money.ok ? moneyFields(money.value) : isCurrencyCode(source.currency) ? { currency: source.currency } : {};
  const valid: Record<string, number | string | null> = { ...context };
  for (const [key, value] of Object.entries(source)) if (!(key in context) && parseCostAssumptions({ ...context, [key]: value }).ok) valid[key] = value;
  const retry = parseCostAssumptions(valid);
  return retry.ok ? retry.value : { ...DEFAULT_COST_ASSUMPTIONS };
}
