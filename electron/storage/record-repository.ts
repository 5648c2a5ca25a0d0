import type { Database } from 'better-sqlite3';
import { DecisionRecordSchema, proposedRecord, type DecisionRecord } from '../../shared/records';

export interface RecordRepository {
  /** The stored record of a decision, or a fresh proposed one; null when the stored one is unreadable. */
  get(workshopId: string, decisionId: string): DecisionRecord | null;
  /** Saves several records in one transaction (a supersede changes two). */
  save(records: readonly DecisionRecord[], updatedAt: string): void;
}

export function createRecordRepository(db: Database): RecordRepository {
  const getOne = db.prepare<[string, string], { record: string }>('SELECT record FROM decision_records WHERE workshop_id = ? AND decision_id = ?');
  const upsert = db.prepare(
    `INSERT INTO decision_records (workshop_id, decision_id, record, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (workshop_id, decision_id) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at`,
  );
  const saveAll = db.transaction((records: readonly DecisionRecord[], at: string) => {
    for (const r of records) upsert.run(r.workshop, r.decision, JSON.stringify(r), at);
  });
  return {
    get: (workshopId, decisionId) => {
      const row = getOne.get(workshopId, decisionId);
      if (!row) return proposedRecord(workshopId, decisionId);
      const parsed = DecisionRecordSchema.safeParse(JSON.parse(row.record));
      return parsed.success ? parsed.data : null;
    },
    save: (records, at) => saveAll(records, at),
  };
}

/** Accepted records across all workshops (candidates to supersede another record). */
export function listAcceptedRecords(db: Database): { workshop: string; workshopTitle: string; decision: string }[] {
  const rows = db
    .prepare<[], { workshop_id: string; title: string; decision_id: string; record: string }>(
      `SELECT r.workshop_id, w.title, r.decision_id, r.record FROM decision_records r JOIN workshops w ON w.id = r.workshop_id
       WHERE w.archived = 0 ORDER BY w.updated_at DESC, r.decision_id`,
    )
    .all();
  return rows
    .filter((r) => DecisionRecordSchema.safeParse(JSON.parse(r.record)).data?.status === 'accepted')
    .map((r) => ({ workshop: r.workshop_id, workshopTitle: r.title, decision: r.decision_id }));
}
