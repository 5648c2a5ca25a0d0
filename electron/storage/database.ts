import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

/** 'STRA' as a 32-bit integer: marks a SQLite file as Stratum's own. */
export const STRATUM_APPLICATION_ID = 0x53545241;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The table that records applied migrations, exactly as Stratum creates it. */
const SCHEMA_MIGRATIONS_SQL = 'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** Only the owner may read or write the database, its -wal and -shm files and its backups. */
const FILE_MODE = 0o600;
/** A data folder Stratum creates is the owner's alone. */
const FOLDER_MODE = 0o700;

/** The files SQLite keeps beside a WAL-mode database while it is open. */
const SIDECAR_SUFFIXES = ['-wal', '-shm'] as const;

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

const USE_ANOTHER_FOLDER = 'choose another data folder with --data-dir';

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

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Refusals from the operating system that mean "you may not", not "this is broken". */
function isAccessError(err: unknown): boolean {
  const code = errorCode(err);
  return (
    ['EACCES', 'EPERM', 'EROFS'].includes(code) ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH'
  );
}

/** SQLite's word that another connection holds the file: what it made beside the file is not ours to remove. */
function isInUse(err: unknown): boolean {
  const code = errorCode(err);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** The operating system's reason in a few plain words. */
function fsReason(err: unknown): string {
  switch (errorCode(err)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder';
    case 'EEXIST':
      return 'something already has that name';
    default:
      return errorText(err);
  }
}

/** The message for a path that exists but cannot be written (the folder, the database or a file beside it). */
function readOnlyMessage(file: string, readOnly: string): string {
  if (readOnly === path.dirname(file)) {
    return `${readOnly}, the folder that holds ${file}, is read-only, so Stratum cannot save there. Stratum left it untouched; make the folder writable or ${USE_ANOTHER_FOLDER}.`;
  }
  return `${readOnly} is read-only, so Stratum cannot save to it. Stratum left it untouched; make it writable (the database, the -wal and -shm files beside it and their folder must all be writable by you) or ${USE_ANOTHER_FOLDER}.`;
}

/** The first of the data folder, the database and its -wal and -shm files that exists and may not be written, if any. */
function firstReadOnly(file: string, exists: boolean): string | null {
  const candidates = [path.dirname(file), ...(exists ? [file] : []), ...SIDECAR_SUFFIXES.map((s) => file + s)];
  for (const p of candidates) {
    try {
      fs.accessSync(p, fs.constants.W_OK);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') continue;
      if (isAccessError(err)) return p;
      throw err;
    }
  }
  return null;
}

function existingSidecars(file: string): Set<string> {
  return new Set(SIDECAR_SUFFIXES.map((s) => file + s).filter((p) => fs.existsSync(p)));
}

/**
 * Removes the -wal and -shm files that SQLite created during this call (never ones that were there before),
 * so a refused or failed start leaves the folder as it found it. A -wal that holds writes is kept: it is data.
 */
function removeCreatedSidecars(file: string, before: ReadonlySet<string>): void {
  for (const suffix of SIDECAR_SUFFIXES) {
    const p = file + suffix;
    if (before.has(p)) continue;
    try {
      if (suffix === '-wal' && fs.statSync(p).size > 0) continue;
    } catch {
      continue; // already gone
    }
    removeQuietly(p);
  }
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
 * A first start that an older Stratum did not finish: it created its empty schema_migrations table and was
 * stopped before it marked the file as Stratum's. Nothing else is in the file, so it is safe to finish.
 */
function isUnfinishedFirstStart(db: Database): boolean {
  const objects = db.prepare(`SELECT type, name, sql FROM sqlite_master`).all() as { type: string; name: string; sql: string | null }[];
  if (objects.some((o) => o.type !== 'index' && o.name !== 'schema_migrations')) return false;
  const table = objects.find((o) => o.type === 'table');
  if (!table || table.sql !== SCHEMA_MIGRATIONS_SQL) return false;
  return (db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n === 0;
}

/** The first problems of an integrity report, on one line (SQLite may list hundreds). */
function summariseCheck(report: string): string {
  const problems = report.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('***'));
  const shown = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}

type Inspection = { ok: true; version: number } | { ok: false; message: string; inUse?: boolean };

/** Checks an existing file through a read-only connection, so a file that is refused is not changed at all. */
function inspect(file: string, latest: number): Inspection {
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, message: sqliteFailure(file, err, 'read'), inUse: isInUse(err) };
  }
  try {
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') {
      return { ok: false, message: `${file} is damaged (SQLite reports: ${summariseCheck(String(integrity))}). Stratum left it untouched; restore a backup from the same folder.` };
    }
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tableCount = (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n;
    if (appId !== STRATUM_APPLICATION_ID && tableCount > 0 && !isUnfinishedFirstStart(db)) {
      return { ok: false, message: `${file} is an SQLite database but not a Stratum one. Stratum left it untouched; ${USE_ANOTHER_FOLDER}.` };
    }
    const version = currentVersion(db);
    if (version > latest) {
      return {
        ok: false,
        message: `${file} was written by a newer Stratum (schema version ${version}); this build reads up to version ${latest}. Stratum left it untouched; update Stratum to open it.`,
      };
    }
    return { ok: true, version };
  } catch (err) {
    return { ok: false, message: sqliteFailure(file, err, 'read'), inUse: isInUse(err) };
  } finally {
    db.close();
  }
}

/** A message for an error SQLite raised while reading or preparing `file`. */
function sqliteFailure(file: string, err: unknown, doing: 'read' | 'prepare'): string {
  const code = errorCode(err);
  const detail = errorText(err);
  if (isAccessError(err)) {
    return `Stratum is not allowed to ${doing === 'read' ? 'open' : 'write to'} ${file} (${detail}). Stratum left it untouched; make the folder, the database and the -wal and -shm files beside it writable by you, or ${USE_ANOTHER_FOLDER}.`;
  }
  if (isInUse(err)) {
    return `${file} is in use by another program (${detail}). Stratum left it untouched; close the other program (or the other Stratum) and start again.`;
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') {
    return `Stratum could not write to ${file} (${detail}). Stratum left it untouched; free some disk space or ${USE_ANOTHER_FOLDER}.`;
  }
  if (doing === 'prepare') return `Stratum could not prepare ${file}: ${detail}.`;
  return `${file} is damaged or not a database (${detail}). Stratum left it untouched.`;
}

/**
 * Makes sure the data folder exists, creating it (owner-only) when it does not; a folder that was already there
 * is left as it is. Returns a message when the folder cannot be made.
 */
function ensureFolder(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
    return null;
  } catch (err) {
    return `Stratum could not create its data folder ${dir} (${fsReason(err)}). Create the folder yourself, make the folder above it writable, or ${USE_ANOTHER_FOLDER}.`;
  }
}

/**
 * Opens (or creates) the Stratum database at `file`: checks that an existing file is a healthy
 * Stratum database, backs it up beside itself before any migration, then migrates forward.
 * A file that is not ours, is corrupt, comes from a newer Stratum or cannot be written is refused and left
 * untouched: it is checked through a read-only connection first, and any -wal or -shm file the check created
 * is removed again. Never throws: every problem comes back as a message for people.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenDatabaseResult {
  try {
    return openOrRefuse(file, options);
  } catch (err) {
    return { ok: false, message: `Stratum could not open ${file} (${fsReason(err)}). Stratum left it untouched.` };
  }
}

function openOrRefuse(file: string, options: OpenDatabaseOptions): OpenDatabaseResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const now = options.now ?? (() => new Date());
  const refuse = (message: string): OpenDatabaseResult => ({ ok: false, message });

  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOTDIR') return refuse(`Stratum cannot use the data folder ${path.dirname(file)}: ${fsReason(err)}. Move that file away or ${USE_ANOTHER_FOLDER}.`);
    if (code !== 'ENOENT') return refuse(`Stratum cannot reach ${file} (${fsReason(err)}). Stratum left it untouched; make it and its folder readable and writable by you, or ${USE_ANOTHER_FOLDER}.`);
  }
  const exists = stat !== null;

  if (stat) {
    if (!stat.isFile()) return refuse(`${file} is not a file, so Stratum cannot keep its data there.`);
    if (stat.size > 0) {
      let header: Buffer;
      try {
        header = readHeader(file);
      } catch (err) {
        return refuse(`Stratum is not allowed to read ${file} (${fsReason(err)}). Stratum left it untouched; make it readable and writable by you, or ${USE_ANOTHER_FOLDER}.`);
      }
      if (!header.equals(SQLITE_HEADER)) {
        return refuse(`${file} is not a Stratum database (it is not an SQLite file). Stratum left it untouched; move it away or ${USE_ANOTHER_FOLDER}.`);
      }
    }
  } else {
    const folderProblem = ensureFolder(path.dirname(file));
    if (folderProblem) return refuse(folderProblem);
  }

  // Before SQLite touches anything: a folder or file that cannot be written is said to be read-only, and
  // nothing is created (SQLite would leave read-only -wal and -shm files behind that block later starts).
  const readOnly = firstReadOnly(file, exists);
  if (readOnly) {
    if (readOnly === path.dirname(file) && !exists) {
      return refuse(`Stratum cannot create its database in ${readOnly}: the folder is read-only. Make the folder writable or ${USE_ANOTHER_FOLDER}.`);
    }
    return refuse(readOnlyMessage(file, readOnly));
  }

  const sidecarsBefore = existingSidecars(file);
  let version = 0;
  if (stat && stat.size > 0) {
    const inspection = inspect(file, latest);
    if (!inspection.ok) {
      // A file another program is using keeps the -wal and -shm it may have made meanwhile: they are its.
      if (!inspection.inUse) removeCreatedSidecars(file, sidecarsBefore);
      return refuse(inspection.message);
    }
    version = inspection.version;
  }

  let createdFile = false;
  if (!exists) {
    // Created owner-only before SQLite opens it; SQLite gives the -wal and -shm files the same permissions.
    try {
      createOwnerOnly(file);
      createdFile = true;
    } catch (err) {
      return refuse(`Stratum could not create ${file} (${fsReason(err)}). Make the folder writable by you or ${USE_ANOTHER_FOLDER}.`);
    }
  }

  let db: Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
  } catch (err) {
    cleanUpFailedStart(file, sidecarsBefore, createdFile);
    return refuse(sqliteFailure(file, err, 'prepare'));
  }

  const fail = (message: string, inUse = false): OpenDatabaseResult => {
    db.close();
    if (!inUse) cleanUpFailedStart(file, sidecarsBefore, createdFile);
    return refuse(message);
  };

  const pending = migrations.filter((m) => m.version > version);
  let backupFile: string | null = null;
  if (pending.length > 0 && version > 0) {
    backupFile = `${file}.backup-v${version}-${timestampForFile(now())}`;
    const backupProblem = writeBackup(db, backupFile);
    if (backupProblem) {
      return fail(`Stratum needs to upgrade ${file} but could not write the backup ${backupFile} first (${backupProblem}). Nothing was changed.`);
    }
  }

  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a save is on the disk, WAL included, before it is acknowledged, so it survives a power cut too.
    db.pragma('synchronous = FULL');
    // One transaction: marking the file as Stratum's, the migrations table and every pending migration land
    // together or not at all, so a start that is killed midway leaves the file as it was.
    // The version is read again under the write lock: another Stratum starting at the same moment may have
    // migrated the file since it was inspected.
    db.transaction(() => {
      db.exec(SCHEMA_MIGRATIONS_SQL.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'));
      if (db.pragma('application_id', { simple: true }) !== STRATUM_APPLICATION_ID) db.pragma(`application_id = ${STRATUM_APPLICATION_ID}`);
      version = currentVersion(db);
      if (version > latest) throw new Error(`it was just upgraded by a newer Stratum (schema version ${version}); update Stratum to open it`);
      const insert = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const m of migrations.filter((x) => x.version > version)) {
        m.up(db);
        insert.run(m.version, m.name, now().toISOString());
      }
    }).immediate();
  } catch (err) {
    const message = sqliteFailure(file, err, 'prepare');
    return fail(`${message}${backupFile ? ` The backup ${backupFile} holds the data as it was.` : ''}`, isInUse(err));
  }

  return { ok: true, value: { db, file, schemaVersion: Math.max(version, latest), backupFile, created: !exists } };
}

/** Creates an empty file only its owner may read or write (whatever the umask); throws if anything is there. */
function createOwnerOnly(file: string): void {
  const fd = fs.openSync(file, 'wx', FILE_MODE);
  try {
    fs.fchmodSync(fd, FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a complete, owner-only copy of the database to `backupFile`, never over an existing file. */
function writeBackup(db: Database, backupFile: string): string | null {
  try {
    // VACUUM INTO accepts an empty file: creating it first sets its permissions and refuses to overwrite.
    createOwnerOnly(backupFile);
  } catch (err) {
    return fsReason(err);
  }
  try {
    db.prepare('VACUUM INTO ?').run(backupFile);
    return null;
  } catch (err) {
    removeQuietly(backupFile);
    return errorText(err);
  }
}

/** After a failed start: removes the -wal and -shm files this start created, and the database file if it made it. */
function cleanUpFailedStart(file: string, sidecarsBefore: ReadonlySet<string>, createdFile: boolean): void {
  removeCreatedSidecars(file, sidecarsBefore);
  if (!createdFile) return;
  // A new file holds nothing yet (its setup is one transaction that did not commit), unless a -wal with
  // writes was kept: then the file stays with it.
  if (SIDECAR_SUFFIXES.some((s) => fs.existsSync(file + s))) return;
  removeQuietly(file);
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Left for the person to remove: the message they get names the file.
  }
}
