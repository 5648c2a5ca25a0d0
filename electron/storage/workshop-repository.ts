import type { Database } from 'better-sqlite3';
import type { Workshop, WorkshopFields, WorkshopPack } from '../../shared/domain';

interface WorkshopRow {
  id: string;
  title: string;
  organisation: string;
  facilitator: string;
  date: string;
  description: string;
  created_at: string;
  updated_at: string;
  archived: number;
  pack_id: string | null;
  pack_version: string | null;
}

function fromRow(row: WorkshopRow): Workshop {
  return {
    id: row.id,
    title: row.title,
    organisation: row.organisation,
    facilitator: row.facilitator,
    date: row.date,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archived: row.archived === 1,
    pack: row.pack_id !== null && row.pack_version !== null ? { id: row.pack_id, version: row.pack_version } : null,
  };
}

const COLUMNS: Record<keyof WorkshopFields, string> = {
  title: 'title',
  organisation: 'organisation',
  facilitator: 'facilitator',
  date: 'date',
  description: 'description',
};

export type UpdateWorkshopOutcome =
  | { kind: 'updated'; workshop: Workshop }
  | { kind: 'missing' }
  /** `fields`: the patched fields changed elsewhere since the caller read them; nothing was written. */
  | { kind: 'conflict'; current: Workshop; fields: (keyof WorkshopFields)[] };

export interface WorkshopRepository {
  list(options: { includeArchived: boolean }): Workshop[];
  get(id: string): Workshop | null;
  insert(workshop: Workshop): Workshop;
  /**
   * Writes the patched fields. A field with a `base` (what the caller read) is written only if it still holds that
   * value (or already the new one); if any does not, nothing is written and the conflict is reported.
   */
  update(id: string, patch: Partial<WorkshopFields>, updatedAt: string, base?: Partial<WorkshopFields>): UpdateWorkshopOutcome;
  setArchived(id: string, archived: boolean, updatedAt: string): Workshop | null;
  /** Sets the team pack the workshop evaluates with (null: the built-in pack); null when there is no such workshop. */
  setPack(id: string, pack: WorkshopPack | null, updatedAt: string): Workshop | null;
  /** Workshops (archived ones too) that evaluate with this pack, by title. */
  usingPack(packId: string, packVersion: string): Workshop[];
  count(): number;
}

/** Workshops in SQLite, through prepared statements. */
export function createWorkshopRepository(db: Database): WorkshopRepository {
  const listActive = db.prepare<[], WorkshopRow>(
    'SELECT * FROM workshops WHERE archived = 0 ORDER BY updated_at DESC, rowid DESC',
  );
  const listAll = db.prepare<[], WorkshopRow>('SELECT * FROM workshops ORDER BY updated_at DESC, rowid DESC');
  const getOne = db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?');
  const insertOne = db.prepare(
    `INSERT INTO workshops (id, title, organisation, facilitator, date, description, created_at, updated_at, archived, pack_id, pack_version)
     VALUES (@id, @title, @organisation, @facilitator, @date, @description, @createdAt, @updatedAt, @archived, @packId, @packVersion)`,
  );
  const setPackOne = db.prepare('UPDATE workshops SET pack_id = ?, pack_version = ?, updated_at = ? WHERE id = ?');
  const usingPackAll = db.prepare<[string, string], WorkshopRow>('SELECT * FROM workshops WHERE pack_id = ? AND pack_version = ? ORDER BY title, rowid');
  const archiveOne = db.prepare('UPDATE workshops SET archived = ?, updated_at = ? WHERE id = ?');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM workshops');
  // One statement per set of patched columns, prepared on first use.
  const updates = new Map<string, ReturnType<Database['prepare']>>();

  const get = (id: string): Workshop | null => {
    const row = getOne.get(id);
    return row ? fromRow(row) : null;
  };

  // Read, compare and write in one transaction, so no other save can land between the check and the write.
  const update = db.transaction((id: string, patch: Partial<WorkshopFields>, updatedAt: string, base: Partial<WorkshopFields>): UpdateWorkshopOutcome => {
    const current = get(id);
    if (!current) return { kind: 'missing' };
    const keys = (Object.keys(COLUMNS) as (keyof WorkshopFields)[]).filter((k) => patch[k] !== undefined);
    // Only a field this caller changes, and someone else changed since it read it, conflicts: edits to other
    // fields meanwhile are kept, not reported.
    const fields = keys.filter((k) => base[k] !== undefined && current[k] !== base[k] && current[k] !== patch[k]);
    if (fields.length > 0) return { kind: 'conflict', current, fields };
    const sqlKey = keys.join(',');
    let stmt = updates.get(sqlKey);
    if (!stmt) {
      const sets = [...keys.map((k) => `${COLUMNS[k]} = @${k}`), 'updated_at = @updatedAt'].join(', ');
      stmt = db.prepare(`UPDATE workshops SET ${sets} WHERE id = @id`);
      updates.set(sqlKey, stmt);
    }
    const params: Record<string, string> = { id, updatedAt };
    for (const k of keys) params[k] = patch[k] as string;
    stmt.run(params);
    return { kind: 'updated', workshop: get(id) ?? current };
  });

  return {
    list: ({ includeArchived }) => (includeArchived ? listAll : listActive).all().map(fromRow),
    get,
    insert: (w) => {
      const { pack, ...fields } = w;
      insertOne.run({ ...fields, archived: w.archived ? 1 : 0, packId: pack?.id ?? null, packVersion: pack?.version ?? null });
      return w;
    },
    update: (id, patch, updatedAt, base = {}) => update(id, patch, updatedAt, base),
    setArchived: (id, archived, updatedAt) => {
      const { changes } = archiveOne.run(archived ? 1 : 0, updatedAt, id);
      return changes === 0 ? null : get(id);
    },
    setPack: (id, pack, updatedAt) => {
      const { changes } = setPackOne.run(pack?.id ?? null, pack?.version ?? null, updatedAt, id);
      return changes === 0 ? null : get(id);
    },
    usingPack: (packId, packVersion) => usingPackAll.all(packId, packVersion).map(fromRow),
    count: () => countAll.get()?.n ?? 0,
  };
}
