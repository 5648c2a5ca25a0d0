import { z } from 'zod';
import { Workshop, WorkshopFields, WorkshopId } from '../domain';
import { IMPORT_OUTCOMES } from './channel-names';
import { PackRef } from './pack-ref';

/** A new workshop's details and, optionally, the rule pack from the library it evaluates with (the built-in one by default). */
export const CreateWorkshopInput = WorkshopFields.partial({
  organisation: true,
  facilitator: true,
  date: true,
  description: true,
})
  .extend({ pack: PackRef.optional() })
  .strict();
export type CreateWorkshopInput = z.infer<typeof CreateWorkshopInput>;

/** What each detail held when the page read it (as stored: not trimmed or checked again). */
const DetailsBase = z
  .object({
    title: z.string(),
    organisation: z.string(),
    facilitator: z.string(),
    date: z.string(),
    description: z.string(),
  })
  .partial()
  .strict();

/**
 * A change to a workshop's details. `base` holds, for the patched fields, what this page read before the edit: a
 * field changed elsewhere meanwhile (stored value neither `base` nor the new one) is a conflict and nothing is
 * saved. A patched field without a base is written whatever it holds now (how callers without one always worked).
 */
export const UpdateWorkshopInput = z
  .object({
    id: WorkshopId,
    patch: WorkshopFields.partial().strict(),
    base: DetailsBase.optional(),
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
export const ImportedWorkshop = Workshop.extend({
  opened: z.enum(IMPORT_OUTCOMES),
  /** What to know about the rule pack it opened with (it came with the file; another version is here too), or null. */
  packNote: z.string().nullable(),
});
export type ImportedWorkshop = z.infer<typeof ImportedWorkshop>;
