import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, STRATUM_APPLICATION_ID, createWorkshopRepository, openDatabase } from '../../../../electron/storage';
import { ALL_TABLES, insertFirstSchemaWorkshop, openTempDatabase, tables, tempDir, workshopRow } from '../../support/temp-db';

describe('openDatabase', () => {
  it('creates a new file with every migration applied, WAL, foreign keys on and every save flushed to disk', () => {
    const opened = openTempDatabase();
    expect(opened.created).toBe(true);
    expect(opened.backupFile).toBeNull();
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(opened.db)).toEqual(ALL_TABLES);
    expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // synchronous = FULL: a committed save is on the disk, so it survives a power cut, not only a crash.
    expect(opened.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.db.pragma('application_id', { simple: true })).toBe(STRATUM_APPLICATION_ID);
    const applied = opened.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('treats an empty file as a new database', () => {
    const file = path.join(tempDir(), 'stratum.db');
    fs.writeFileSync(file, '');
    const opened = openTempDatabase(file);
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))('migrates a database from schema version %i, writing a backup first and keeping the data', (from) => {
    const dir = tempDir();
    const file = path.join(dir, 'stratum.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= from) });
    if (!old.ok) throw new Error(old.message);
    insertFirstSchemaWorkshop(old.value.db, workshopRow('Kept through the upgrade'));
    const oldTables = tables(old.value.db);
    old.value.db.close();

    const upgraded = openDatabase(file, { now: () => new Date('2026-03-04T05:06:07.000Z') });
    if (!upgraded.ok) throw new Error(upgraded.message);
    const backupFile = `${file}.backup-v${from}-2026-03-04T05-06-07-000Z`;
    try {
      expect(upgraded.value.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.value.backupFile).toBe(backupFile);
      // Kept, and evaluated with the built-in pack as before.
      expect(createWorkshopRepository(upgraded.value.db).list({ includeArchived: true }).map((w) => [w.title, w.pack])).toEqual([['Kept through the upgrade', null]]);
      // A database that already had workshops does not get the example seeded into it.
      if (from < 2) {
        expect(upgraded.value.db.prepare(`SELECT value FROM app_settings WHERE key = 'example-seeded'`).get()).toEqual({ value: 'true' });
      }
    } finally {
      upgraded.value.db.close();
    }
    // The backup is a complete database at the old version.
    const backup = new BetterSqlite3(backupFile, { readonly: true });
    try {
      expect(tables(backup)).toEqual(oldTables);
      expect(backup.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: from });
      expect(backup.prepare('SELECT title FROM workshops').all()).toEqual([{ title: 'Kept through the upgrade' }]);
    } finally {
      backup.close();
    }
  });

  it('opens an up-to-date database without a backup', () => {
    const file = path.join(tempDir(), 'stratum.db');
    openTempDatabase(file).db.close();
    const again = openDatabase(file);
    if (!again.ok) throw new Error(again.message);
    expect(again.value.backupFile).toBeNull();
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('backup'))).toEqual([]);
    again.value.db.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte as it was', () => {
    const file = path.join(tempDir(), 'stratum.db');
    const content = 'quarterly plan, not a database\n'.repeat(100);
    fs.writeFileSync(file, content);
    const result = openDatabase(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/is not a Stratum database \(it is not an SQLite file\)/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuses another application’s SQLite database and leaves it untouched', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new BetterSqlite3(file);
    other.exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')`);
    other.close();
    const before = fs.readFileSync(file);
    const result = openDatabase(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not a Stratum one/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a damaged Stratum database and leaves it untouched', () => {
    const file = path.join(tempDir(), 'stratum.db');
    const opened = openTempDatabase(file);
    const insert = opened.db.prepare(`INSERT INTO app_settings (key, value) VALUES (?, ?)`);
    for (let i = 0; i < 400; i++) insert.run(`k${i}`, 'x'.repeat(200));
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.close();
    // Overwrite the middle of the file (past the header) with garbage.
    const bytes = fs.readFileSync(file);
    bytes.fill(0xab, 4096, Math.min(bytes.length, 4096 * 6));
    fs.writeFileSync(file, bytes);
    const result = openDatabase(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/damaged/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a database written by a newer Stratum, saying which versions this build reads', () => {
    const file = path.join(tempDir(), 'stratum.db');
    const opened = openTempDatabase(file);
    opened.db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')`).run();
    opened.db.close();
    const result = openDatabase(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`schema version 999); this build reads up to version ${LATEST_SCHEMA_VERSION}`);
  });
});
