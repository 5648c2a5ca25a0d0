// The child process of durability.test.ts, bundled with esbuild and run under Node: opens the database the
// way the app does (openDatabase: WAL, synchronous FULL), then saves workshop revisions through the real
// handler wrapper in a loop. Its stdout is a regular file the parent opened: "ack <revision>" after each save
// has returned (committed). Each line is one write(2) to a file, so it is in the kernel before the next save
// starts and a SIGKILL cannot lose it.
import fs from 'node:fs';
import { createHandlerDeps, invokeChannel } from '../../../electron/handlers';
import { openDatabase } from '../../../electron/storage';
import { emptyWorkshopState, type SavedWorkshopState, type WorkshopState } from '../../../shared/domain';

const [file, workshopId] = process.argv.slice(2);
if (!file || !workshopId) throw new Error('usage: save-loop-child <database file> <workshop id>');

const opened = openDatabase(file);
if (!opened.ok) {
  process.stderr.write(`${opened.message}\n`);
  process.exit(2);
}
const deps = createHandlerDeps(opened.value, { name: 'Stratum', version: '0.0.0-durability', transport: 'browser', platform: process.platform }, { newId: () => workshopId });
const quiet = (): void => undefined;

if (!deps.workshops.get(workshopId)) {
  const created = invokeChannel(deps, 'workshops.create', { title: 'Durability' }, quiet);
  if (!created.ok) throw new Error(created.error.message);
}
const current = invokeChannel(deps, 'workshopState.get', { id: workshopId }, quiet);
if (!current.ok) throw new Error(current.error.message);
let revision = (current.value as SavedWorkshopState).revision;

function stateFor(n: number): WorkshopState {
  // The revision is written into the state itself, so a reader can tell a torn or stale row from a whole one.
  return {
    ...emptyWorkshopState(),
    participants: [{ id: '5d0f3c9e-2b7a-4c1e-9f3d-7a1b2c3d4e5f', name: `revision ${n}`, role: 'x'.repeat(n % 100), involvement: 'consulted' }],
    answers: { opsExpertise: 'medium' },
  };
}

for (;;) {
  const saved = invokeChannel(deps, 'workshopState.save', { id: workshopId, state: stateFor(revision + 1), baseRevision: revision }, quiet);
  if (!saved.ok) {
    process.stderr.write(`save failed: ${saved.error.code}: ${saved.error.message}\n`);
    process.exit(3);
  }
  revision = (saved.value as SavedWorkshopState).revision;
  fs.writeSync(1, `ack ${revision}\n`);
}
