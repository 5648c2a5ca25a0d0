import { z } from 'zod';
import { IMPORT_OUTCOMES } from './channel-names';

export const TITLE_MAX = 200;
export const SHORT_TEXT_MAX = 200;
export const DESCRIPTION_MAX = 5000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'must be a real calendar date (YYYY-MM-DD)',
  });

const title = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, { message: 'is required' })
  .max(TITLE_MAX, { message: `must be at most ${TITLE_MAX} characters` });

const shortText = z
  .string({ message: 'must be text' })
  .trim()
  .max(SHORT_TEXT_MAX, { message: `must be at most ${SHORT_TEXT_MAX} characters` });

const description = z
  .string({ message: 'must be text' })
  .max(DESCRIPTION_MAX, { message: `must be at most ${DESCRIPTION_MAX} characters` });

export const WorkshopId = z.uuid({ message: 'must be a workshop id (a UUID)' });

/** A workshop as stored and shown. */
export const Workshop = z.object({
  id: WorkshopId,
  title: z.string(),
  organisation: z.string(),
  facilitator: z.string(),
  date: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
});
export type Workshop = z.infer<typeof Workshop>;

/** The fields a person edits. */
export const WorkshopFields = z.object({
  title,
  organisation: shortText,
  facilitator: shortText,
  date: isoDate,
  description,
});
export type WorkshopFields = z.infer<typeof WorkshopFields>;

export const CreateWorkshopInput = WorkshopFields.partial({
  organisation: true,
  facilitator: true,
  date: true,
  description: true,
}).strict();
export type CreateWorkshopInput = z.infer<typeof CreateWorkshopInput>;

export const UpdateWorkshopInput = z
  .object({
    id: WorkshopId,
    patch: WorkshopFields.partial().strict(),
  })
  .strict();
export type UpdateWorkshopInput = z.infer<typeof UpdateWorkshopInput>;

export const ListWorkshopsInput = z
  .object({ includeArchived: z.boolean().optional() })
  .strict();
export type ListWorkshopsInput = z.infer<typeof ListWorkshopsInput>;

export const WorkshopRef = z.object({ id: WorkshopId }).strict();
export type WorkshopRef = z.infer<typeof WorkshopRef>;

export const ArchiveWorkshopInput = z
  .object({ id: WorkshopId, archived: z.boolean() })
  .strict();
export type ArchiveWorkshopInput = z.infer<typeof ArchiveWorkshopInput>;

export const IMPORT_MAX_CHARS = 1_000_000;

/** A `stratum.workshop` file chosen by the person (File > Open), as text. */
export const ImportWorkshopInput = z
  .object({
    fileName: z.string().max(500).optional(),
    content: z.string({ message: 'must be the file’s text' }).max(IMPORT_MAX_CHARS, { message: `must be at most ${IMPORT_MAX_CHARS} characters: this is not a Stratum workshop file` }),
  })
  .strict();
export type ImportWorkshopInput = z.infer<typeof ImportWorkshopInput>;

/**
 * What `workshops.import` answers: the workshop to show, and how the file was opened, so the person can be told.
 * `new`: the workshop was not here and was added. `existing`: it was here holding exactly what the file holds,
 * and nothing was written. `restored`: the same, but it was archived and has been restored. `copy`: it was here
 * with other changes, so the file came in as a copy with a new id (nothing saved was replaced).
 */
export const ImportedWorkshop = Workshop.extend({ opened: z.enum(IMPORT_OUTCOMES) });
export type ImportedWorkshop = z.infer<typeof ImportedWorkshop>;
