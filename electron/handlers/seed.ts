import { EXAMPLE_WORKSHOP } from '../storage';
import type { HandlerDeps } from './deps';
import { createWorkshop } from './workshops';

const SEEDED_KEY = 'example-seeded';

/** On the first run of a fresh database, adds one example workshop so a newcomer sees something at once. */
export function seedExampleOnFirstRun(deps: HandlerDeps): boolean {
  if (deps.settings.get(SEEDED_KEY) !== null) return false;
  deps.db.transaction(() => {
    if (deps.workshops.count() === 0) createWorkshop(deps, EXAMPLE_WORKSHOP);
    deps.settings.set(SEEDED_KEY, 'true');
  })();
  return true;
}
