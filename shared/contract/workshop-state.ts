import { z } from 'zod';
import { WorkshopId, WorkshopState } from '../domain';

/** A save of a workshop's state: the revision it started from, so a save over someone else's is refused. */
export const SaveWorkshopStateInput = z
  .object({
    id: WorkshopId,
    state: WorkshopState,
    baseRevision: z.number().int().min(0),
  })
  .strict();
export type SaveWorkshopStateInput = z.infer<typeof SaveWorkshopStateInput>;
