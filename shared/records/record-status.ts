import { z } from 'zod';

/** The statuses a decision record moves through (MADR and adr-tools use the same words). */
export const RECORD_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

export const RecordStatusSchema = z.enum(RECORD_STATUSES, { message: `must be one of ${RECORD_STATUSES.join(', ')}` });
export type RecordStatus = z.infer<typeof RecordStatusSchema>;

const decisionId = z
  .string({ message: 'must be text' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*$/, { message: 'must be a decision id: letters and digits, joined by ".", "-" or "_"' });

const isoDate = z.string({ message: 'must be text' }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' });

/** A record is named by its workshop and decision: one record per decision of a workshop. */
export const RecordRefSchema = z
  .object({
    workshop: z.uuid({ message: 'must be a workshop id (a UUID)' }),
    decision: decisionId,
  })
  .strict();
export type RecordRef = z.infer<typeof RecordRefSchema>;

/** The lifecycle of one decision record, as the app stores it; superseded records link both ways. */
export const DecisionRecordSchema = z
  .object({
    workshop: z.uuid({ message: 'must be a workshop id (a UUID)' }),
    decision: decisionId,
    status: RecordStatusSchema,
    /** When the status last changed (YYYY-MM-DD); records show it as their date. */
    date: isoDate.optional(),
    /** The record that replaced this one; set exactly when the status is superseded. */
    supersededBy: RecordRefSchema.nullable().default(null),
    /** The records this one replaced. */
    supersedes: z.array(RecordRefSchema).default([]),
  })
  .strict()
  .superRefine((record, ctx) => {
    if (record.status === 'superseded' && record.supersededBy === null) {
      ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'is required when the status is superseded: name the record that replaced it' });
    }
    if (record.status !== 'superseded' && record.supersededBy !== null) {
      ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: `must be null unless the status is superseded (it is ${record.status})` });
    }
    if (record.supersededBy !== null && sameRecord(record.supersededBy, record)) {
      ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'cannot be the record itself' });
    }
  });
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

/** True when two references name the same record. */
export function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.workshop === b.workshop && a.decision === b.decision;
}

/** The reference that names a record. */
export function recordRef(record: RecordRef): RecordRef {
  return { workshop: record.workshop, decision: record.decision };
}

/** A status as a person reads it at the start of a sentence: "Accepted". */
export function statusLabel(status: RecordStatus): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}
