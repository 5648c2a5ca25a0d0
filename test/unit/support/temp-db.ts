import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import { createHandlerDeps, type HandlerDeps } from '../../../electron/handlers';
import { openDatabase, type OpenedDatabase } from '../../../electron/storage';
import type { Workshop } from '../../../shared/domain';

const dirs: string[] = [];
const open: OpenedDatabase[] = [];

afterEach(() => {
  for (const o of open.splice(0)) if (o.db.open) o.db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-unit-'));
  dirs.push(dir);
  return dir;
}

/** Opens a real database file in a temp folder; fails the test if it cannot. */
export function openTempDatabase(file = path.join(tempDir(), 'stratum.db')): OpenedDatabase {
  const result = openDatabase(file);
  if (!result.ok) throw new Error(result.message);
  open.push(result.value);
  return result.value;
}

/** Handler deps over a temp database with a fixed, advancing clock and predictable ids. */
export function tempDeps(): HandlerDeps {
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  let n = 0;
  return createHandlerDeps(
    openTempDatabase(),
    { name: 'Stratum', version: '0.0.0-test', transport: 'browser', platform: 'linux' },
    {
      clock: () => new Date((t += 1000)),
      newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    },
  );
}

/** The names of the tables in a database, sorted. */
export function tables(db: Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

/** Every table of a database at the latest schema version. */
export const ALL_TABLES = ['app_settings', 'decision_records', 'milestones', 'packs', 'schema_migrations', 'workshop_state', 'workshops'];

/** A workshop row to insert straight through the repository, as an earlier schema version would hold it. */
/** Writes a workshop as the first schema held it: an older database cannot take what later migrations added. */
export function insertFirstSchemaWorkshop(db: Database, w: Workshop): void {
  const { pack: _pack, ...row } = w;
  db.prepare(
    `INSERT INTO workshops (id, title, organisation, facilitator, date, description, created_at, updated_at, archived)
     VALUES (@id, @title, @organisation, @facilitator, @date, @description, @createdAt, @updatedAt, @archived)`,
  ).run({ ...row, archived: w.archived ? 1 : 0 });
}

export function workshopRow(title: string): Workshop {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    title,
    organisation: 'Fabrikam',
    facilitator: '',
    date: '2026-02-02',
    description: '',
    createdAt: '2026-02-02T10:00:00.000Z',
    updatedAt: '2026-02-02T10:00:00.000Z',
    archived: false,
    pack: null,
  };
}
