import { z } from 'zod';

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

/**
 * The team's rule pack a workshop evaluates with, by id and version (the pack itself is in the app's library and in
 * the workshop's file).
 */
export const WorkshopPack = z.object({ id: z.string(), version: z.string() });
export type WorkshopPack = z.infer<typeof WorkshopPack>;

/** A workshop as stored and shown: its details (what the room says lives in WorkshopState). */
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
  /** Null: the built-in pack of the Stratum that opens it (every workshop before team packs). */
  pack: WorkshopPack.nullable().default(null),
});
export type Workshop = z.infer<typeof Workshop>;

/** The details a person edits. */
export const WorkshopFields = z.object({
  title,
  organisation: shortText,
  facilitator: shortText,
  date: isoDate,
  description,
});
export type WorkshopFields = z.infer<typeof WorkshopFields>;
