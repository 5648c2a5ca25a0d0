import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  canTransition,
  changeRecordStatus,
  checkRecordLinks,
  DecisionRecordSchema,
  proposedRecord,
  RECORD_STATUSES,
  supersedeRecord,
  type DecisionRecord,
} from '../../../../shared/records';
import { BANK_ID, STARTUP_ID } from './workshops';

const accepted = (workshop: string, decision: string): DecisionRecord => ({ ...proposedRecord(workshop, decision), status: 'accepted' });

describe('the record lifecycle', () => {
  it('starts proposed and moves only along the allowed transitions', () => {
    expect(proposedRecord(BANK_ID, 'deployment')).toEqual({ workshop: BANK_ID, decision: 'deployment', status: 'proposed', supersededBy: null, supersedes: [] });
    expect(allowedTransitions('proposed')).toEqual(['accepted', 'rejected']);
    expect(allowedTransitions('accepted')).toEqual(['deprecated', 'superseded']);
    expect(allowedTransitions('rejected')).toEqual(['proposed']);
    expect(allowedTransitions('deprecated')).toEqual(['superseded']);
    expect(allowedTransitions('superseded')).toEqual([]);
    expect(canTransition('accepted', 'proposed')).toBe(false);
  });

  it('changes status with a date, and refuses with a sentence', () => {
    const record = proposedRecord(BANK_ID, 'deployment');
    expect(changeRecordStatus(record, 'accepted', '2025-03-18')).toEqual({ ok: true, value: { ...record, status: 'accepted', date: '2025-03-18' } });
    expect(changeRecordStatus(accepted(BANK_ID, 'deployment'), 'proposed', '2025-03-18')).toEqual({
      ok: false,
      message: 'Accepted to proposed is not allowed: an accepted record can become deprecated or superseded.',
    });
    expect(changeRecordStatus(record, 'superseded', '2025-03-18')).toEqual({ ok: false, message: 'A record is superseded by another record: choose the record that replaces it.' });
    const gone = supersedeRecord(accepted(BANK_ID, 'deployment'), accepted(STARTUP_ID, 'deployment'), '2025-05-01');
    if (!gone.ok) throw new Error(gone.message);
    expect(changeRecordStatus(gone.value.old, 'accepted', '2025-05-02')).toEqual({ ok: false, message: 'Superseded to accepted is not allowed: a superseded record stays superseded.' });
  });

  it('supersedes linking both ways, once', () => {
    const old = accepted(BANK_ID, 'deployment');
    const replacement = accepted(STARTUP_ID, 'deployment');
    const change = supersedeRecord(old, replacement, '2025-05-01');
    expect(change).toEqual({
      ok: true,
      value: {
        old: { ...old, status: 'superseded', date: '2025-05-01', supersededBy: { workshop: STARTUP_ID, decision: 'deployment' } },
        replacement: { ...replacement, supersedes: [{ workshop: BANK_ID, decision: 'deployment' }] },
      },
    });
    if (!change.ok) return;
    expect(checkRecordLinks([change.value.old, change.value.replacement])).toEqual([]);
    expect(DecisionRecordSchema.safeParse(change.value.old).success).toBe(true);
    // A deprecated record may be superseded too; the replacement lists each record once.
    const other = { ...accepted(BANK_ID, 'inference-mode'), status: 'deprecated' as const };
    const second = supersedeRecord(other, change.value.replacement, '2025-05-03');
    expect(second.ok && second.value.replacement.supersedes).toHaveLength(2);
  });

  it('refuses a supersede that would not make sense', () => {
    const old = accepted(BANK_ID, 'deployment');
    expect(supersedeRecord(old, old, '2025-05-01')).toEqual({ ok: false, message: 'A record cannot supersede itself.' });
    expect(supersedeRecord(old, proposedRecord(STARTUP_ID, 'deployment'), '2025-05-01')).toEqual({
      ok: false,
      message: 'The replacement is proposed: accept it before it supersedes another record.',
    });
    expect(supersedeRecord(proposedRecord(BANK_ID, 'deployment'), accepted(STARTUP_ID, 'deployment'), '2025-05-01')).toMatchObject({ ok: false });
  });

  it('reports links that do not point both ways', () => {
    const old = { ...accepted(BANK_ID, 'deployment'), status: 'superseded' as const, supersededBy: { workshop: STARTUP_ID, decision: 'deployment' } };
    expect(checkRecordLinks([old, accepted(STARTUP_ID, 'deployment')])).toEqual([
      `deployment (workshop ${BANK_ID}) is superseded by deployment (workshop ${STARTUP_ID}), which does not list it under supersedes.`,
    ]);
  });

  it('validates stored records: superseded exactly when linked, known statuses, dates', () => {
    const issues = (value: unknown) => {
      const r = DecisionRecordSchema.safeParse(value);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ ...proposedRecord(BANK_ID, 'deployment'), status: 'superseded' })).toEqual(['supersededBy: is required when the status is superseded: name the record that replaced it']);
    expect(issues({ ...proposedRecord(BANK_ID, 'deployment'), supersededBy: { workshop: STARTUP_ID, decision: 'deployment' } })).toEqual(['supersededBy: must be null unless the status is superseded (it is proposed)']);
    expect(issues({ ...proposedRecord(BANK_ID, 'deployment'), status: 'done', date: '18/03/2025' })).toEqual([
      'status: must be one of proposed, accepted, rejected, deprecated, superseded',
      'date: must be a date written YYYY-MM-DD',
    ]);
    expect(DecisionRecordSchema.parse({ workshop: BANK_ID, decision: 'deployment', status: 'accepted' })).toEqual(accepted(BANK_ID, 'deployment'));
  });

  it('property: any sequence of changes keeps every record valid and every link two-way', () => {
    const step = fc.record({ to: fc.constantFrom(...RECORD_STATUSES), target: fc.nat(3), by: fc.nat(3) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let records = ['deployment', 'cloud-strategy', 'inference-mode', 'ai-sourcing'].map((d) => proposedRecord(BANK_ID, d));
        for (const { to, target, by } of steps) {
          if (to === 'superseded') {
            const change = supersedeRecord(records[target]!, records[by]!, '2025-01-01');
            if (change.ok) records = records.map((r, i) => (i === target ? change.value.old : i === by ? change.value.replacement : r));
          } else {
            const change = changeRecordStatus(records[target]!, to, '2025-01-01');
            if (change.ok) records = records.map((r, i) => (i === target ? change.value : r));
          }
        }
        for (const r of records) expect(DecisionRecordSchema.safeParse(r).success).toBe(true);
        expect(checkRecordLinks(records)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
