// The edges of opening the database: a first start or an upgrade stopped by a kill, data folders that cannot be
// written, refusals that leave every file byte for byte as it was, and files only their owner can read.
//
// Folders and files made read-only with chmod only refuse a process that is not root. These tests run openDatabase
// in a child process: as the same user when the tests run as a normal user, and as `nobody` (uid 65534) when they
// run as root (as in CI), so the file permissions are really enforced either way. Where a system lets root neither
// drop to another user nor be refused, they are skipped and say why.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, STRATUM_APPLICATION_ID, createWorkshopRepository, openDatabase, type OpenedDatabase } from '../../../../electron/storage';
import { bundleForNode, bundleNodePath } from '../../support/bundle';
import { ALL_TABLES, insertFirstSchemaWorkshop, openTempDatabase, tables, tempDir, workshopRow } from '../../support/temp-db';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Whether root can start a process as `nobody` here (a container may not allow it). */
function canRunAsNobody(): boolean {
  if (!isRoot) return false;
  try {
    return spawnSync(process.execPath, ['-e', ''], { uid: NOBODY, gid: NOBODY }).status === 0;
  } catch {
    return false;
  }
}

/** Read-only folders and files refuse the child process: POSIX, and not root (or root able to run it as nobody). */
const permissionsEnforced = process.platform !== 'win32' && (!isRoot || canRunAsNobody());
const PERMISSIONS_SKIP_REASON = 'file permissions are not enforced here (Windows, or root unable to run a process as nobody)';
if (!permissionsEnforced) console.warn(`database-edges: skipping the read-only folder tests: ${PERMISSIONS_SKIP_REASON}.`);

let buildDir: string;
let childBundle: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-db-edges-'));
  fs.chmodSync(buildDir, 0o755);
  childBundle = path.join(buildDir, 'open-child.cjs');
  await bundleForNode(path.join(__dirname, 'open-database-child.ts'), childBundle);
  fs.chmodSync(childBundle, 0o644);
}, 60_000);

afterAll(() => {
  fs.rmSync(buildDir, { recursive: true, force: true });
});

type ChildRun = { answer: { ok: boolean; message?: string } | null; signal: NodeJS.Signals | null; stderr: string };

/** Runs openDatabase(file) in a child process: as `nobody` when the tests run as root, else as this user. */
function openInChild(file: string, options: { killAtMigration?: number } = {}): ChildRun {
  const run = spawnSync(process.execPath, [childBundle, file, String(options.killAtMigration ?? '')], {
    env: { ...process.env, NODE_PATH: bundleNodePath },
    encoding: 'utf8',
    ...(isRoot && permissionsEnforced ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { answer: run.stdout ? (JSON.parse(run.stdout) as ChildRun['answer']) : null, signal: run.signal, stderr: run.stderr };
}

/** The message of a refusal from the child; fails the test when the child crashed or opened the file. */
function refusalFrom(run: ChildRun): string {
  expect(run.stderr, 'the child crashed').toBe('');
  expect(run.answer).toMatchObject({ ok: false });
  return run.answer!.message!;
}

/** A temp folder the child process may write to (given to `nobody` when the tests run as root). */
function childDir(): string {
  const dir = tempDir();
  if (isRoot && permissionsEnforced) fs.chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** A database the child process has created and opened once, in a folder of its own. */
function openedInChild(): { dir: string; file: string } {
  const dir = childDir();
  const file = path.join(dir, 'stratum.db');
  expect(openInChild(file).answer).toEqual({ ok: true });
  return { dir, file };
}

/** A pattern for a message that starts with `text` to the letter (none of its characters special), then `then`. */
function startingWith(text: string, then: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${then}`);
}

/** Opens `file` as the app does and checks it is a whole Stratum database at the latest schema version. */
function expectOpensWhole(file: string): OpenedDatabase {
  const opened = openTempDatabase(file);
  expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  expect(tables(opened.db)).toEqual(ALL_TABLES);
  expect(opened.db.pragma('application_id', { simple: true })).toBe(STRATUM_APPLICATION_ID);
  return opened;
}

/** Every file in `dir` with its sha256, so a test can show nothing was added, removed or changed. */
function snapshot(dir: string, skip: (name: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    out[name] = skip(name) ? 'present' : crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex');
  }
  return out;
}

const WORKSHOP = workshopRow('Kept through everything');

function mode(p: string): number {
  return fs.statSync(p).mode & 0o777;
}

describe('a first start or an upgrade stopped midway', () => {
  it('finishes a first start that an earlier Stratum left half made (an empty schema_migrations table, not yet marked as Stratum’s)', () => {
    // Exactly what a kill between creating the migrations table and setting the application id left behind.
    const file = path.join(tempDir(), 'stratum.db');
    const half = new BetterSqlite3(file);
    half.pragma('journal_mode = WAL');
    half.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    half.close();

    expectOpensWhole(file);
  });

  it('still refuses another application’s file whose only table is an unrelated schema_migrations', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new BetterSqlite3(file);
    other.exec(`CREATE TABLE schema_migrations (version VARCHAR PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101')`);
    other.close();
    const before = snapshot(path.dirname(file));
    const result = openDatabase(file);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not a Stratum one\. Stratum left it untouched/) });
    expect(snapshot(path.dirname(file))).toEqual(before);
  });

  it('a first start killed in the middle of creating the database leaves nothing half made, and the next start opens it', () => {
    const file = path.join(childDir(), 'stratum.db');
    const run = openInChild(file, { killAtMigration: 3 });
    expect(run.signal).toBe('SIGKILL');

    // The kill landed after migrations 1 and 2 ran in the same start: none of it is in the file.
    const seen = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      expect(tables(seen)).toEqual([]);
      expect(seen.pragma('application_id', { simple: true })).toBe(0);
    } finally {
      seen.close();
    }
    expectOpensWhole(file);
  });

  it('an upgrade killed midway keeps every workshop and finishes on the next start', () => {
    const dir = childDir();
    const file = path.join(dir, 'stratum.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    if (!old.ok) throw new Error(old.message);
    insertFirstSchemaWorkshop(old.value.db, WORKSHOP);
    old.value.db.close();
    if (isRoot && permissionsEnforced) fs.chownSync(file, NOBODY, NOBODY);

    expect(openInChild(file, { killAtMigration: 4 }).signal).toBe('SIGKILL');

    const opened = expectOpensWhole(file);
    expect(createWorkshopRepository(opened.db).list({ includeArchived: true }).map((w) => w.title)).toEqual([WORKSHOP.title]);
    // The start that finished the upgrade wrote its backup first, workshop included.
    const backup = new BetterSqlite3(opened.backupFile!, { readonly: true, fileMustExist: true });
    try {
      expect(backup.prepare('SELECT title FROM workshops').all()).toEqual([{ title: WORKSHOP.title }]);
    } finally {
      backup.close();
    }
  });
});

describe('data folders that cannot be written', () => {
  it.skipIf(!permissionsEnforced).each([
    ['a writable', 0o600],
    ['a read-only', 0o400],
  ])('says a healthy database (%s file) in a read-only folder is read-only, not damaged, and changes nothing', (_, fileMode) => {
    const { dir, file } = openedInChild();
    fs.chmodSync(file, fileMode);
    fs.chmodSync(dir, 0o555);
    try {
      const before = snapshot(dir);
      const message = refusalFrom(openInChild(file));
      expect(message).toBe(
        `${dir}, the folder that holds ${file}, is read-only, so Stratum cannot save there. Stratum left it untouched; make the folder writable or choose another data folder with --data-dir.`,
      );
      expect(snapshot(dir)).toEqual(before);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(file, 0o600);
    }
    // Once the folder is writable again, the next start opens it.
    expect(openInChild(file).answer).toEqual({ ok: true });
  });

  it.skipIf(!permissionsEnforced)('says a read-only database file is read-only, leaves no -wal or -shm behind, and opens once it is writable again', () => {
    const { dir, file } = openedInChild();
    fs.chmodSync(file, 0o400);
    const before = snapshot(dir);
    const message = refusalFrom(openInChild(file));
    expect(message).toMatch(startingWith(file, ' is read-only, so Stratum cannot save to it\\. Stratum left it untouched; make it writable'));
    expect(message).not.toMatch(/damaged/);
    // A read-only -wal or -shm created here would block every later start, even after the file is fixed.
    expect(snapshot(dir)).toEqual(before);
    fs.chmodSync(file, 0o600);
    expect(openInChild(file).answer).toEqual({ ok: true });
  });

  it.skipIf(!permissionsEnforced)('names a read-only -shm file left beside the database instead of calling the database damaged', () => {
    const { file } = openedInChild();
    // What an earlier start left when it opened a read-only database: a -shm file with the database's mode.
    fs.writeFileSync(`${file}-shm`, Buffer.alloc(32_768), { mode: 0o400 });
    if (isRoot) fs.chownSync(`${file}-shm`, NOBODY, NOBODY);
    const message = refusalFrom(openInChild(file));
    expect(message).toMatch(startingWith(file, '-shm is read-only'));
    expect(message).not.toMatch(/damaged/);
    fs.chmodSync(`${file}-shm`, 0o600);
    expect(openInChild(file).answer).toEqual({ ok: true });
  });

  it.skipIf(!permissionsEnforced)('answers a missing data folder under a read-only folder with a message naming it, not a crash', () => {
    const parent = childDir();
    fs.chmodSync(parent, 0o555);
    try {
      const folder = path.join(parent, 'Stratum');
      const message = refusalFrom(openInChild(path.join(folder, 'stratum.db')));
      expect(message).toBe(
        `Stratum could not create its data folder ${folder} (permission denied). Create the folder yourself, make the folder above it writable, or choose another data folder with --data-dir.`,
      );
      expect(fs.readdirSync(parent)).toEqual([]);
    } finally {
      fs.chmodSync(parent, 0o755);
    }
  });

  it('answers a data folder whose path runs through a file with a message, not an exception (as any user, root included)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a folder');
    for (const folder of [path.join(dir, 'notes.txt'), path.join(dir, 'notes.txt', 'Stratum')]) {
      const result = openDatabase(path.join(folder, 'stratum.db'));
      expect(result).toEqual({
        ok: false,
        message: `Stratum cannot use the data folder ${folder}: part of that path is a file, not a folder. Move that file away or choose another data folder with --data-dir.`,
      });
    }
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('not a folder');
  });

  it('removes the database file and its -wal and -shm when a first start fails, so the next start begins afresh', () => {
    const dir = tempDir();
    const file = path.join(dir, 'stratum.db');
    const failing = [
      ...MIGRATIONS.slice(0, 2),
      {
        version: 3,
        name: 'fails',
        up: () => {
          throw new Error('the migration could not run');
        },
      },
    ];
    const result = openDatabase(file, { migrations: failing });
    expect(result).toEqual({ ok: false, message: `Stratum could not prepare ${file}: the migration could not run.` });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(openTempDatabase(file).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });
});

/**
 * A Stratum database whose latest write is still only in its -wal, copied (database, -wal and, if asked, -shm) to a
 * fresh folder while the writing connection is open: what a folder looks like after the app was killed.
 */
function databaseWithWalOnly(write: (db: BetterSqlite3.Database) => void, copyShm: boolean): { file: string; dir: string } {
  const source = openTempDatabase();
  const fill = source.db.prepare(`INSERT INTO app_settings (key, value) VALUES (?, ?)`);
  for (let i = 0; i < 400; i++) fill.run(`k${i}`, 'x'.repeat(200));
  source.db.pragma('wal_checkpoint(TRUNCATE)');
  source.db.pragma('wal_autocheckpoint = 0');
  write(source.db);
  const dir = tempDir();
  const file = path.join(dir, 'stratum.db');
  for (const suffix of ['', '-wal', ...(copyShm ? ['-shm'] : [])]) fs.copyFileSync(`${source.file}${suffix}`, `${file}${suffix}`);
  source.db.close();
  expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
  return { file, dir };
}

describe('a refused database is left byte for byte as it was, -wal included', () => {
  const newer = (db: BetterSqlite3.Database) =>
    db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')`).run();

  it.each([
    ['without', false],
    ['with', true],
  ])('refuses a newer Stratum’s database whose latest write is only in its -wal (%s a -shm), merging nothing', (_, copyShm) => {
    const { file, dir } = databaseWithWalOnly(newer, copyShm);
    // The -shm is an index SQLite may rebuild while reading; the database and its -wal hold the data.
    const before = snapshot(dir, (name) => name.endsWith('-shm'));
    const result = openDatabase(file);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(`schema version 999); this build reads up to version ${LATEST_SCHEMA_VERSION}`) });
    expect(snapshot(dir, (name) => name.endsWith('-shm'))).toEqual(before);
  });

  it('refuses a damaged database with writes in its -wal, merging nothing', () => {
    const { file, dir } = databaseWithWalOnly((db) => createWorkshopRepository(db).insert(WORKSHOP), false);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xab, 4096, 4096 * 6);
    fs.writeFileSync(file, bytes);
    const before = snapshot(dir);
    const result = openDatabase(file);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/is damaged \(SQLite reports: .*\)\. Stratum left it untouched; restore a backup from the same folder\.$/s) });
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses another application’s database with writes in its -wal, merging nothing', () => {
    const sourceDir = tempDir();
    const other = new BetterSqlite3(path.join(sourceDir, 'other.db'));
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')`);
    const dir = tempDir();
    const file = path.join(dir, 'other.db');
    for (const suffix of ['', '-wal']) fs.copyFileSync(path.join(sourceDir, `other.db${suffix}`), `${file}${suffix}`);
    other.close();
    const before = snapshot(dir);
    const result = openDatabase(file);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not a Stratum one\. Stratum left it untouched/) });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe.skipIf(process.platform === 'win32')('only the owner can read the data', () => {
  it('creates the data folder 0700 and the database, its -wal and -shm 0600', () => {
    const folder = path.join(tempDir(), 'Stratum');
    const file = path.join(folder, 'stratum.db');
    const opened = openTempDatabase(file);
    createWorkshopRepository(opened.db).insert(WORKSHOP);
    expect(mode(folder)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
  });

  it('leaves the permissions of a data folder that was already there as they were', () => {
    const folder = tempDir();
    fs.chmodSync(folder, 0o750);
    const file = path.join(folder, 'stratum.db');
    openTempDatabase(file);
    expect(mode(folder)).toBe(0o750);
    expect(mode(file)).toBe(0o600);
  });

  it('writes the backup before an upgrade 0600', () => {
    const file = path.join(tempDir(), 'stratum.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    if (!old.ok) throw new Error(old.message);
    old.value.db.close();
    const upgraded = openTempDatabase(file);
    expect(upgraded.backupFile).not.toBeNull();
    expect(mode(upgraded.backupFile!)).toBe(0o600);
  });
});
