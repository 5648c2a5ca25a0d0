import { z } from 'zod';
import { WorkshopId } from '../domain';

export const MILESTONE_NAME_MAX = 120;

/** A named, immutable revision of a whole workshop. */
export const Milestone = z.object({
  id: z.uuid(),
  workshopId: WorkshopId,
  name: z.string(),
  author: z.string(),
  createdAt: z.string(),
  packId: z.string(),
  packVersion: z.string(),
});
export type Milestone = z.infer<typeof Milestone>;

export const CreateMilestoneInput = z
  .object({
    id: WorkshopId,
    name: z.string({ message: 'must be text' }).trim().min(1, { message: 'is required' }).max(MILESTONE_NAME_MAX, { message: `must be at most ${MILESTONE_NAME_MAX} characters` }),
    author: z.string({ message: 'must be text' }).trim().max(120, { message: 'must be at most 120 characters' }),
  })
  .strict();
export type CreateMilestoneInput = z.infer<typeof CreateMilestoneInput>;

/** One side of a comparison: a milestone's id, or "current" for the workshop as it is now. */
export const RevisionRef = z.union([z.uuid({ message: 'must be a milestone id or "current"' }), z.literal('current')]);

export const CompareInput = z.object({ id: WorkshopId, from: RevisionRef, to: RevisionRef }).strict();
export type CompareInput = z.infer<typeof CompareInput>;

/** What moved between two revisions (shared/workshop works it out; the channel returns it). */
export { RevisionComparison } from '../workshop/revision-comparison';
