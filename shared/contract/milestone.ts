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

const Change = z.object({ from: z.string().nullable(), to: z.string().nullable() });

/** What moved between two revisions: answers, weights, participants, recommendations and the room's choices. */
export const RevisionComparison = z.object({
  from: z.object({ label: z.string(), createdAt: z.string().nullable() }),
  to: z.object({ label: z.string(), createdAt: z.string().nullable() }),
  answers: z.array(Change.extend({ factor: z.string(), prompt: z.string() })),
  weights: z.array(z.object({ participant: z.string(), criterion: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  participants: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  recommendations: z.array(Change.extend({ decision: z.string(), title: z.string() })),
  roomChoices: z.array(Change.extend({ decision: z.string(), title: z.string() })),
});
export type RevisionComparison = z.infer<typeof RevisionComparison>;
