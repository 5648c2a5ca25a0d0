import type { Database } from 'better-sqlite3';
import { WorkshopState, emptyWorkshopState, migrateWorkshopState, type SavedWorkshopState } from '../../shared/domain';

interface StateRow {
  workshop_id: string;
  state: string;
  revision: number;
  updated_at: string;
}

export type SaveStateOutcome =
  | { kind: 'saved'; saved: SavedWorkshopState }
  | { kind: 'conflict'; current: SavedWorkshopState }
  | { kind: 'unreadable'; message: string }
  | { kind: 'missing' };

export type ReadStateOutcome = { kind: 'read'; saved: SavedWorkshopState } | { kind: 'unreadable'; message: string };

export interface WorkshopStateRepository {
  /** The saved state, or an empty one at revision 0 for a workshop nobody has worked on yet. */
  get(workshopId: string, fallbackUpdatedAt: string): ReadStateOutcome;
  /** Saves when `baseRevision` is the stored one; otherwise reports the conflict and changes nothing. */
  save(workshopId: string, state: WorkshopState, baseRevision: number, updatedAt: string): SaveStateOutcome;
}

export function createWorkshopStateRepository(db: Database): WorkshopStateRepository {
  const getOne = db.prepare<[string], StateRow>('SELECT * FROM workshop_state WHERE workshop_id = ?');
  const workshopExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM workshops WHERE id = ?');
  const details = db.prepare<[string], { organisation: string; title: string }>('SELECT organisation, title FROM workshops WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO workshop_state (workshop_id, state, revision, updated_at) VALUES (@id, @state, @revision, @updatedAt)
     ON CONFLICT (workshop_id) DO UPDATE SET state = excluded.state, revision = excluded.revision, updated_at = excluded.updated_at`,
  );
  const touchWorkshop = db.prepare('UPDATE workshops SET updated_at = ? WHERE id = ?');

  const read = (workshopId: string, fallbackUpdatedAt: string): ReadStateOutcome => {
    const row = getOne.get(workshopId);
    if (!row) return { kind: 'read', saved: { workshopId, state: emptyWorkshopState(), revision: 0, updatedAt: fallbackUpdatedAt } };
    // Stored state was validated on the way in; checking again guards against a hand-edited file,
    // which is reported and never silently replaced.
    // A state saved before use cases is read as this version reads it; it is stored that way at the next save.
    const named = details.get(workshopId) ?? { organisation: '', title: '' };
    const { state } = migrateWorkshopState(JSON.parse(row.state), { workshopId, ...named });
    const parsed = WorkshopState.safeParse(state);
    if (!parsed.success) {
      return { kind: 'unreadable', message: `The saved answers of workshop ${workshopId} do not match what this Stratum reads (${parsed.error.issues[0]?.path.join('.') ?? 'state'}: ${parsed.error.issues[0]?.message ?? 'invalid'}). They were left as they are.` };
    }
    return { kind: 'read', saved: { workshopId, state: parsed.data, revision: row.revision, updatedAt: row.updated_at } };
  };

  const save = db.transaction((workshopId: string, state: WorkshopState, baseRevision: number, updatedAt: string): SaveStateOutcome => {
    if (!workshopExists.get(workshopId)) return { kind: 'missing' };
    const current = read(workshopId, updatedAt);
    if (current.kind === 'unreadable') return current;
    if (current.saved.revision !== baseRevision) return { kind: 'conflict', current: current.saved };
    const revision = baseRevision + 1;
    upsert.run({ id: workshopId, state: JSON.stringify(state), revision, updatedAt });
    touchWorkshop.run(updatedAt, workshopId);
    return { kind: 'saved', saved: { workshopId, state, revision, updatedAt } };
  });

  return { get: read, save: (id, state, base, at) => save(id, state, base, at) };
}
