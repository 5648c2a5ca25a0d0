import { z } from 'zod';
import { DecisionRecordSchema, RecordRefSchema, RecordStatusSchema } from '../records';
import { ExportedFile, type RecordsExportFormat } from './exports';
import { WorkshopId } from '../domain';

export const ListRecordsInput = z.object({ id: WorkshopId }).strict();

export const UpdateRecordInput = z
  .object({
    id: WorkshopId,
    decision: z.string({ message: 'must be a decision id' }),
    status: RecordStatusSchema,
    /** Required when the status is superseded: the accepted record that replaces this one. */
    supersededBy: RecordRefSchema.optional(),
  })
  .strict();
export type UpdateRecordInput = z.infer<typeof UpdateRecordInput>;

export const RecordList = z.array(DecisionRecordSchema);

/** The forms `records.export` returns: every records format in the one table (exports.ts) but PDF, which has its own channel. */
export const RECORD_EXPORT_FORMATS = ['madr', 'nygard', 'json', 'html', 'csv'] as const satisfies readonly Exclude<RecordsExportFormat, 'pdf'>[];

export const ExportRecordsInput = z
  .object({
    id: WorkshopId,
    format: z.enum(RECORD_EXPORT_FORMATS, { message: `must be one of ${RECORD_EXPORT_FORMATS.join(', ')}` }),
    /** For madr and nygard: the folder of the team's records (absolute path). */
    folder: z.string({ message: 'must be a folder path' }).trim().min(1, { message: 'is required: the folder of your decision records, e.g. /home/you/project/docs/decisions' }).max(1000).optional(),
  })
  .strict();
export type ExportRecordsInput = z.infer<typeof ExportRecordsInput>;

const FileOutcome = z.object({ name: z.string(), action: z.enum(['create', 'update', 'unchanged']) });

/** A single file to save, or what an export into a folder wrote and left alone. */
export const RecordsExport = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), file: ExportedFile }),
  z.object({
    kind: z.literal('folder'),
    folder: z.string(),
    files: z.array(FileOutcome),
    skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  }),
]);
export type RecordsExport = z.infer<typeof RecordsExport>;

/** An accepted record somewhere in Stratum that may supersede another record. */
export const AcceptedRecord = z.object({ workshop: WorkshopId, workshopTitle: z.string(), decision: z.string() });
export type AcceptedRecord = z.infer<typeof AcceptedRecord>;
