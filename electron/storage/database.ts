import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

/** 'STRA' as a 32-bit integer: marks a SQLite file as Stratum's own. */
export const STRATUM_APPLICATION_ID = 0x53545241;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenedDatabase {
  db: Database;
  file: string;
  schemaVersion: number;
  /** Where the pre-migration copy was written, when migrations ran on an existing file. */
  backupFile: string | null;
  /** True when the file was created by this call. */
  created: boolean;
}

export type OpenDatabaseResult = { ok: true; value: OpenedDatabase } | { ok: false; message: string };

export interface OpenDatabaseOptions {
  /** Used to name the backup file; injectable for tests. */
  now?: () => Date;
  migrations?: readonly Migration[];
}

/** Reads the first bytes of a file; a file shorter than the header is returned as is. */
function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function timestampForFile(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

function currentVersion(db: Database): number {
  const hasTable = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!hasTable) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Opens (or creates) the Stratum database at `file`: checks that an existing file is a healthy
 * Stratum database, backs it up beside itself before any migration, then migrates forward.
 * A file that is not ours, is corrupt, or comes from a newer Stratum is refused and left untouched.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenDatabaseResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const now = options.now ?? (() => new Date());
  const exists = fs.existsSync(file);

  if (exists) {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, message: `${file} is not a file, so Stratum cannot keep its data there.` };
    if (stat.size > 0) {
      const header = readHeader(file);
      if (!header.equals(SQLITE_HEADER)) {
        return {
          ok: false,
          message: `${file} is not a Stratum database (it is not an SQLite file). Stratum left it untouched; move it away or choose another data folder with --data-dir.`,
        };
      }
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  let db: Database;
  try {
    db = new BetterSqlite3(file);
  } catch (err) {
    return { ok: false, message: `Stratum could not open ${file}: ${(err as Error).message}` };
  }

  const refuse = (message: string): OpenDatabaseResult => {
    db.close();
    return { ok: false, message };
  };

  let version: number;
  try {
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') {
      return refuse(`${file} is damaged (SQLite reports: ${String(integrity)}). Stratum left it untouched; restore a backup from the same folder.`);
    }
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tableCount = (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n;
    if (appId !== STRATUM_APPLICATION_ID && tableCount > 0) {
      return refuse(`${file} is an SQLite database but not a Stratum one. Stratum left it untouched; choose another data folder with --data-dir.`);
    }
    version = currentVersion(db);
  } catch (err) {
    return refuse(`${file} is damaged or not a database (${(err as Error).message}). Stratum left it untouched.`);
  }

  if (version > latest) {
    return refuse(
      `${file} was written by a newer Stratum (schema version ${version}); this build reads up to version ${latest}. Update Stratum to open it.`,
    );
  }

  const pending = migrations.filter((m) => m.version > version);
  let backupFile: string | null = null;
  if (pending.length > 0 && version > 0) {
    backupFile = `${file}.backup-v${version}-${timestampForFile(now())}`;
    try {
      db.prepare('VACUUM INTO ?').run(backupFile);
    } catch (err) {
      return refuse(`Stratum needs to upgrade ${file} but could not write the backup ${backupFile} first (${(err as Error).message}). Nothing was changed.`);
    }
  }

  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.pragma(`application_id = ${STRATUM_APPLICATION_ID}`);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      db.transaction(() => {
        m.up(db);
        record.run(m.version, m.name, now().toISOString());
      })();
    }
  } catch (err) {
    return refuse(`Stratum could not prepare ${file}: ${(err as Error).message}.${backupFile ? ` The backup ${backupFile} holds the data as it was.` : ''}`);
  }

  return { ok: true, value: { db, file, schemaVersion: Math.max(version, latest), backupFile, created: !exists } };
}
