import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Forward-only migrations, applied in order; a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'workshops',
    up: (db) => {
      db.exec(`
        CREATE TABLE workshops (
          id TEXT PRIMARY KEY NOT NULL,
          title TEXT NOT NULL,
          organisation TEXT NOT NULL DEFAULT '',
          facilitator TEXT NOT NULL DEFAULT '',
          date TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
        );
        CREATE INDEX workshops_updated ON workshops (archived, updated_at DESC);
      `);
    },
  },
  {
    version: 2,
    name: 'app settings',
    up: (db) => {
      // Small per-installation facts: whether the example was seeded, the window's last bounds.
      db.exec(`
        CREATE TABLE app_settings (
          key TEXT PRIMARY KEY NOT NULL,
          value TEXT NOT NULL
        );
      `);
      // A database that already has workshops was in use: don't seed the example into it.
      db.exec(`
        INSERT INTO app_settings (key, value)
        SELECT 'example-seeded', 'true' WHERE EXISTS (SELECT 1 FROM workshops);
      `);
    },
  },
  {
    version: 3,
    name: 'workshop state',
    up: (db) => {
      // Participants, answers, notes, weights and room choices as one validated JSON document per
      // workshop: saved atomically, snapshotted whole by milestones.
      db.exec(`
        CREATE TABLE workshop_state (
          workshop_id TEXT PRIMARY KEY NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
          state TEXT NOT NULL CHECK (json_valid(state)),
          revision INTEGER NOT NULL DEFAULT 0,
          updated_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    name: 'milestones',
    up: (db) => {
      // Named, immutable revisions: the whole workshop, its state and evaluation as they were.
      db.exec(`
        CREATE TABLE milestones (
          id TEXT PRIMARY KEY NOT NULL,
          workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          author TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          pack_id TEXT NOT NULL,
          pack_version TEXT NOT NULL,
          snapshot TEXT NOT NULL CHECK (json_valid(snapshot))
        );
        CREATE INDEX milestones_workshop ON milestones (workshop_id, created_at);
        CREATE TRIGGER milestones_immutable BEFORE UPDATE ON milestones
        BEGIN SELECT RAISE(ABORT, 'milestones are immutable'); END;
      `);
    },
  },
  {
    version: 5,
    name: 'decision records',
    up: (db) => {
      // The lifecycle of each decision's record (status, date, supersede links), validated on the way in.
      db.exec(`
        CREATE TABLE decision_records (
          workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
          decision_id TEXT NOT NULL,
          record TEXT NOT NULL CHECK (json_valid(record)),
          updated_at TEXT NOT NULL,
          PRIMARY KEY (workshop_id, decision_id)
        );
      `);
    },
  },
  {
    version: 6,
    name: 'rule packs',
    up: (db) => {
      // A team's own rule packs, as imported: validated before they are written, kept whole (the file's JSON) so
      // a workshop that uses one evaluates the same way later; the built-in pack ships with the app, not here.
      db.exec(`
        CREATE TABLE packs (
          pack_id TEXT NOT NULL,
          pack_version TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          title TEXT NOT NULL,
          description TEXT NOT NULL,
          file_name TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          content TEXT NOT NULL CHECK (json_valid(content)),
          PRIMARY KEY (pack_id, pack_version)
        );
      `);
    },
  },
  {
    version: 7,
    name: 'workshop rule pack',
    up: (db) => {
      // The team pack a workshop evaluates with; both NULL for the built-in pack (every workshop until now).
      db.exec(`
        ALTER TABLE workshops ADD COLUMN pack_id TEXT;
        ALTER TABLE workshops ADD COLUMN pack_version TEXT CHECK ((pack_id IS NULL) = (pack_version IS NULL));
        CREATE INDEX workshops_pack ON workshops (pack_id, pack_version);
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
