import type { WorkshopState } from '../domain';
import { DEFAULT_COST_ASSUMPTIONS, parseCostAssumptions, type CostAssumptions } from '../cost';

/**
 * A workshop's cost assumptions: the room's values over the defaults. Saved values were checked on save; a field
 * that somehow is not valid falls back to its default rather than hiding every other one.
 */
export function workshopCostAssumptions(saved: WorkshopState['costAssumptions'] | undefined): CostAssumptions {
  const read = parseCostAssumptions(saved ?? {});
  if (read.ok) return read.value;
  const valid: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(saved ?? {})) if (parseCostAssumptions({ [key]: value }).ok) valid[key] = value;
  const retry = parseCostAssumptions(valid);
  return retry.ok ? retry.value : { ...DEFAULT_COST_ASSUMPTIONS };
}
