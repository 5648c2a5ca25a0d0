import type { Database } from 'better-sqlite3';
import type { StoredPack } from '../../shared/contract';

interface PackRow {
  pack_id: string;
  pack_version: string;
  sha256: string;
  title: string;
  description: string;
  file_name: string;
  imported_at: string;
}

function fromRow(row: PackRow): StoredPack {
  return {
    id: row.pack_id,
    version: row.pack_version,
    sha256: row.sha256,
    title: row.title,
    description: row.description,
    fileName: row.file_name,
    importedAt: row.imported_at,
  };
}

/** The team's rule packs: one row per pack id and version, with the pack's JSON as it was imported. */
export interface PackRepository {
  list(): StoredPack[];
  get(id: string, version: string): StoredPack | null;
  /** The pack's JSON as imported (parse and validate it again before use). */
  content(id: string, version: string): string | null;
  insert(pack: StoredPack, content: string): StoredPack;
  /** False when there was no such pack. */
  remove(id: string, version: string): boolean;
}

export function createPackRepository(db: Database): PackRepository {
  const columns = 'pack_id, pack_version, sha256, title, description, file_name, imported_at';
  const list = db.prepare<[], PackRow>(`SELECT ${columns} FROM packs ORDER BY pack_id, imported_at DESC, rowid DESC`);
  const getOne = db.prepare<[string, string], PackRow>(`SELECT ${columns} FROM packs WHERE pack_id = ? AND pack_version = ?`);
  const getContent = db.prepare<[string, string], { content: string }>('SELECT content FROM packs WHERE pack_id = ? AND pack_version = ?');
  const insert = db.prepare(
    `INSERT INTO packs (pack_id, pack_version, sha256, title, description, file_name, imported_at, content)
     VALUES (@id, @version, @sha256, @title, @description, @fileName, @importedAt, @content)`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM packs WHERE pack_id = ? AND pack_version = ?');
  return {
    list: () => list.all().map(fromRow),
    get: (id, version) => {
      const row = getOne.get(id, version);
      return row ? fromRow(row) : null;
    },
    content: (id, version) => getContent.get(id, version)?.content ?? null,
    insert: (pack, content) => {
      insert.run({ ...pack, content });
      return pack;
    },
    remove: (id, version) => remove.run(id, version).changes > 0,
  };
}
