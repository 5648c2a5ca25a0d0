import { createHash } from 'node:crypto';
// Helpers shared by the hardening tests: a full dump of a database, and a seeded workshop to attack.
import type { Database } from 'better-sqlite3';
import { invokeChannel, type HandlerDeps } from '../../../electron/handlers';
import type { ApiErrorCode, ApiResult, Milestone } from '../../../shared/contract';
import { emptyWorkshopState, type SavedWorkshopState, type Workshop, type WorkshopState } from '../../../shared/domain';
import { packFingerprint } from '../../../shared/engine';
import { northwindRiskPack } from '../../fixtures/packs/northwind-risk';

export const API_ERROR_CODES: readonly ApiErrorCode[] = ['invalid-input', 'not-found', 'conflict', 'storage', 'forbidden', 'unavailable', 'internal'];

export const quiet = (): void => undefined;

/**
 * Every row of every table, in rowid order: two equal dumps mean nothing was written. A long text (a rule pack's
 * JSON, a milestone's snapshot) is compared by its sha256; with `quick` (a check after every fuzzed request) by its
 * size in bytes, beside the row's other columns (a pack's own sha256, a milestone's id), read without loading it.
 */
export function dumpDatabase(db: Database, options: { quick?: boolean } = {}): string {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  const dump: Record<string, unknown[]> = {};
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const { name } of tables) {
    // Quick: SQLite gives a long text's size, so the text itself is never read.
    const columns = options.quick
      ? (db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string }[])
          .map(({ name: c }) => `CASE WHEN octet_length(${quote(c)}) > 4096 THEN 'bytes:' || octet_length(${quote(c)}) ELSE ${quote(c)} END`)
          .join(', ')
      : '*';
    const rows = db.prepare(`SELECT ${columns} FROM ${quote(name)} ORDER BY rowid`).raw().all() as unknown[][];
    dump[name] = rows.map((row) => row.map((v) => (typeof v === 'string' && v.length > 4096 ? `sha256:${createHash('sha256').update(v).digest('hex')}` : v)));
  }
  return JSON.stringify(dump);
}

/** The value of an ok result; throws (failing the test) on a refusal. */
export function valueOf<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

export interface Seeded {
  workshops: Workshop[];
  states: SavedWorkshopState[];
  milestone: Milestone;
  /** A workshop on the team's pack northwind-risk 1.0.0; the library also has 1.1.0. */
  team: Workshop;
}

export const PARTICIPANT_ID = '5d0f3c9e-2b7a-4c1e-9f3d-7a1b2c3d4e5f';
export const USE_CASE_ID = '6e1a4d0f-3c8b-4d2f-a04e-8b2c3d4e5f60';

/** A state the default pack accepts (one use case), with a participant whose name carries `label`. */
export function sampleState(label: string): WorkshopState {
  return {
    ...emptyWorkshopState(),
    participants: [{ id: PARTICIPANT_ID, name: label, role: 'CIO', involvement: 'decision-maker' }],
    useCases: [
      { id: USE_CASE_ID, name: 'Fraud scoring', description: '', answers: { dataSensitivity: 'regulated', latencyP95Ms: 30 }, dontKnow: [], notes: {}, roomChoices: {} },
    ],
    answers: { opsExpertise: 'high', businessUnits: 3 },
  };
}

/** Two workshops with saved states, a milestone and an accepted record, made through the wrapper. */
export function seedWorkshops(deps: HandlerDeps): Seeded {
  const a = valueOf<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Bank 2026', organisation: 'Fabrikam', date: '2026-03-01' }, quiet));
  const b = valueOf<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Retail 2027' }, quiet));
  const states = [a, b].map((w, i) => valueOf<SavedWorkshopState>(invokeChannel(deps, 'workshopState.save', { id: w.id, state: sampleState(`Person ${i}`), baseRevision: 0 }, quiet)));
  const milestone = valueOf<Milestone>(invokeChannel(deps, 'milestones.create', { id: a.id, name: 'Before the board', author: 'Ada' }, quiet));
  valueOf(invokeChannel(deps, 'records.update', { id: b.id, decision: 'deployment', status: 'accepted' }, quiet));
  // Written as an import writes them (the import's own checks are tested in packs.test.ts; here they would only cost time).
  for (const version of ['1.0.0', '1.1.0']) {
    const pack = northwindRiskPack(version);
    const stored = { id: pack.id, version, sha256: packFingerprint(pack), title: pack.title, description: pack.description, fileName: `northwind-${version}.json`, importedAt: '2026-03-01T09:00:00.000Z' };
    deps.packs.insert(stored, JSON.stringify(pack));
  }
  const team = valueOf<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Risk 2026', pack: { id: 'northwind-risk', version: '1.0.0' } }, quiet));
  valueOf(invokeChannel(deps, 'workshopState.save', { id: team.id, state: sampleState('Risk'), baseRevision: 0 }, quiet));
  return { workshops: [a, b], states, milestone, team };
}
