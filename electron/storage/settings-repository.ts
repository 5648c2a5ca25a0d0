import type { Database } from 'better-sqlite3';

export interface SettingsRepository {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Small per-installation values (window bounds, first-run facts) kept in the database. */
export function createSettingsRepository(db: Database): SettingsRepository {
  const getOne = db.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?');
  const upsert = db.prepare(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (key) => getOne.get(key)?.value ?? null,
    set: (key, value) => {
      upsert.run(key, value);
    },
  };
}
