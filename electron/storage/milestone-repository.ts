import type { Database } from 'better-sqlite3';
import type { Milestone } from '../../shared/contract';
import type { Workshop, WorkshopState } from '../../shared/domain';
import type { Evaluation } from '../../shared/engine';

/** What a milestone keeps: the workshop, its state and the evaluation, exactly as they were. */
export interface MilestoneSnapshot {
  workshop: Workshop;
  state: WorkshopState;
  evaluation: Evaluation;
}

interface MilestoneRow {
  id: string;
  workshop_id: string;
  name: string;
  author: string;
  created_at: string;
  pack_id: string;
  pack_version: string;
  snapshot: string;
}

function fromRow(row: MilestoneRow): Milestone {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    name: row.name,
    author: row.author,
    createdAt: row.created_at,
    packId: row.pack_id,
    packVersion: row.pack_version,
  };
}

export interface MilestoneRepository {
  list(workshopId: string): Milestone[];
  insert(milestone: Milestone, snapshot: MilestoneSnapshot): Milestone;
  snapshot(workshopId: string, milestoneId: string): { milestone: Milestone; snapshot: MilestoneSnapshot } | null;
}

export function createMilestoneRepository(db: Database): MilestoneRepository {
  const list = db.prepare<[string], MilestoneRow>('SELECT * FROM milestones WHERE workshop_id = ? ORDER BY created_at DESC, rowid DESC');
  const getOne = db.prepare<[string, string], MilestoneRow>('SELECT * FROM milestones WHERE workshop_id = ? AND id = ?');
  const insert = db.prepare(
    `INSERT INTO milestones (id, workshop_id, name, author, created_at, pack_id, pack_version, snapshot)
     VALUES (@id, @workshopId, @name, @author, @createdAt, @packId, @packVersion, @snapshot)`,
  );
  return {
    list: (workshopId) => list.all(workshopId).map(fromRow),
    insert: (m, snapshot) => {
      insert.run({ ...m, snapshot: JSON.stringify(snapshot) });
      return m;
    },
    snapshot: (workshopId, milestoneId) => {
      const row = getOne.get(workshopId, milestoneId);
      return row ? { milestone: fromRow(row), snapshot: JSON.parse(row.snapshot) as MilestoneSnapshot } : null;
    },
  };
}
