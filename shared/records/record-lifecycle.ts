import { recordRef, sameRecord, statusLabel, type DecisionRecord, type RecordStatus } from './record-status';

/** A change to records, or the sentence that says why it is not allowed. */
export type RecordChange<T> = { ok: true; value: T } | { ok: false; message: string };

// ADR practice: an accepted record is not edited back to proposed; a new record supersedes it instead.
const TRANSITIONS: Readonly<Record<RecordStatus, readonly RecordStatus[]>> = {
  proposed: ['accepted', 'rejected'],
  accepted: ['deprecated', 'superseded'],
  rejected: ['proposed'],
  deprecated: ['superseded'],
  superseded: [],
};

/** The statuses a record in this status may move to. */
export function allowedTransitions(from: RecordStatus): readonly RecordStatus[] {
  return TRANSITIONS[from];
}

/** True when a record may move from one status to another. */
export function canTransition(from: RecordStatus, to: RecordStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A new record for a decision of a workshop: proposed, linked to nothing. */
export function proposedRecord(workshop: string, decision: string, date?: string): DecisionRecord {
  return { workshop, decision, status: 'proposed', ...(date !== undefined ? { date } : {}), supersededBy: null, supersedes: [] };
}

function refused(from: RecordStatus, to: RecordStatus): string {
  const allowed = TRANSITIONS[from];
  const article = /^[aeiou]/.test(from) ? 'an' : 'a';
  const next = allowed.length > 0 ? `${article} ${from} record can become ${allowed.join(' or ')}` : `${article} ${from} record stays ${from}`;
  return `${statusLabel(from)} to ${to} is not allowed: ${next}.`;
}

/** Moves a record to a new status (not superseded: use supersedeRecord, which links the replacement). */
export function changeRecordStatus(record: DecisionRecord, to: RecordStatus, date: string): RecordChange<DecisionRecord> {
  if (to === 'superseded') return { ok: false, message: 'A record is superseded by another record: choose the record that replaces it.' };
  if (!canTransition(record.status, to)) return { ok: false, message: refused(record.status, to) };
  return { ok: true, value: { ...record, status: to, date } };
}

/**
 * Marks `old` superseded by `replacement` and links both ways (old.supersededBy, replacement.supersedes).
 * The replacement must already be accepted: until then the old record is still the one in force.
 */
export function supersedeRecord(
  old: DecisionRecord,
  replacement: DecisionRecord,
  date: string,
): RecordChange<{ old: DecisionRecord; replacement: DecisionRecord }> {
  if (sameRecord(old, replacement)) return { ok: false, message: 'A record cannot supersede itself.' };
  if (!canTransition(old.status, 'superseded')) return { ok: false, message: refused(old.status, 'superseded') };
  if (replacement.status !== 'accepted') {
    return { ok: false, message: `The replacement is ${replacement.status}: accept it before it supersedes another record.` };
  }
  const link = recordRef(old);
  const supersedes = replacement.supersedes.some((r) => sameRecord(r, link)) ? replacement.supersedes : [...replacement.supersedes, link];
  return {
    ok: true,
    value: {
      old: { ...old, status: 'superseded', date, supersededBy: recordRef(replacement) },
      replacement: { ...replacement, supersedes },
    },
  };
}

/** Sentences about links that do not point both ways within a set of records (empty when consistent). */
export function checkRecordLinks(records: readonly DecisionRecord[]): string[] {
  const find = (ref: { workshop: string; decision: string }) => records.find((r) => sameRecord(r, ref));
  const name = (ref: { workshop: string; decision: string }) => `${ref.decision} (workshop ${ref.workshop})`;
  const problems: string[] = [];
  for (const record of records) {
    if (record.supersededBy !== null) {
      const by = find(record.supersededBy);
      if (by && !by.supersedes.some((r) => sameRecord(r, record))) {
        problems.push(`${name(record)} is superseded by ${name(by)}, which does not list it under supersedes.`);
      }
    }
    for (const ref of record.supersedes) {
      const old = find(ref);
      if (old && (old.supersededBy === null || !sameRecord(old.supersededBy, record))) {
        problems.push(`${name(record)} supersedes ${name(old)}, which does not name it as superseded by.`);
      }
    }
  }
  return problems;
}
