import { defaultPack } from '../../shared/engine';
import { EXAMPLE_STATE, EXAMPLE_WORKSHOP } from '../storage';
import type { HandlerDeps } from './deps';
import { createWorkshop } from './workshops';

const SEEDED_KEY = 'example-seeded';

/**
 * On the first run of a fresh database, adds one example workshop, filled in (use cases, participants with their
 * weights, the organisation's answers), so a newcomer sees every step working at once.
 */
export function seedExampleOnFirstRun(deps: HandlerDeps): boolean {
  if (deps.settings.get(SEEDED_KEY) !== null) return false;
  deps.db.transaction(() => {
    if (deps.workshops.count() === 0) {
      const created = createWorkshop(deps, EXAMPLE_WORKSHOP);
      if (!created.ok) throw new Error(`the example workshop could not be created: ${created.error.message}`);
      // Checked like any save: an example the pack refuses is a bug, caught by the tests.
      const problem = deps.checkState(EXAMPLE_STATE, defaultPack());
      if (problem && !problem.ok) throw new Error(`the example workshop's state is refused: ${problem.error.message}`);
      const saved = deps.workshopStates.save(created.value.id, EXAMPLE_STATE, 0, deps.clock().toISOString());
      if (saved.kind !== 'saved') throw new Error(`the example workshop's state could not be saved (${saved.kind})`);
    }
    deps.settings.set(SEEDED_KEY, 'true');
  })();
  return true;
}
