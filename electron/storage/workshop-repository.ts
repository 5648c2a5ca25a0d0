import type { Database } from 'better-sqlite3';
import type { Workshop, WorkshopFields } from '../../shared/domain';

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
  };
}

const COLUMNS: Record<keyof WorkshopFields, string> = {
  title: 'title',
  organisation: 'organisation',
  facilitator: 'facilitator',
  date: 'date',
  description: 'description',
};

export interface WorkshopRepository {
  list(options: { includeArchived: boolean }): Workshop[];
  get(id: string): Workshop | null;
  insert(workshop: Workshop): Workshop;
  update(id: string, patch: Partial<WorkshopFields>, updatedAt: string): Workshop | null;
  setArchived(id: string, archived: boolean, updatedAt: string): Workshop | null;
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
    `INSERT INTO workshops (id, title, organisation, facilitator, date, description, created_at, updated_at, archived)
     VALUES (@id, @title, @organisation, @facilitator, @date, @description, @createdAt, @updatedAt, @archived)`,
  );
  const archiveOne = db.prepare('UPDATE workshops SET archived = ?, updated_at = ? WHERE id = ?');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM workshops');
  // One statement per set of patched columns, prepared on first use.
  const updates = new Map<string, ReturnType<Database['prepare']>>();

  const get = (id: string): Workshop | null => {
    const row = getOne.get(id);
    return row ? fromRow(row) : null;
  };

  return {
    list: ({ includeArchived }) => (includeArchived ? listAll : listActive).all().map(fromRow),
    get,
    insert: (w) => {
      insertOne.run({ ...w, archived: w.archived ? 1 : 0 });
      return w;
    },
    update: (id, patch, updatedAt) => {
      const keys = (Object.keys(COLUMNS) as (keyof WorkshopFields)[]).filter((k) => patch[k] !== undefined);
      const sqlKey = keys.join(',');
      let stmt = updates.get(sqlKey);
      if (!stmt) {
        const sets = [...keys.map((k) => `${COLUMNS[k]} = @${k}`), 'updated_at = @updatedAt'].join(', ');
        stmt = db.prepare(`UPDATE workshops SET ${sets} WHERE id = @id`);
        updates.set(sqlKey, stmt);
      }
      const params: Record<string, string> = { id, updatedAt };
      for (const k of keys) params[k] = patch[k] as string;
      const { changes } = stmt.run(params);
      return changes === 0 ? null : get(id);
    },
    setArchived: (id, archived, updatedAt) => {
      const { changes } = archiveOne.run(archived ? 1 : 0, updatedAt, id);
      return changes === 0 ? null : get(id);
    },
    count: () => countAll.get()?.n ?? 0,
  };
}
