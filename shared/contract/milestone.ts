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

/** A use case a change belongs to (absent: the organisation's): its id and its name in the later revision. */
const OfUseCase = { useCase: z.object({ id: z.string(), name: z.string() }).optional() };

/**
 * What moved between two revisions: answers, weights, participants, use cases, recommendations and the room's
 * choices. A use case's own answers, outcomes ("where it lands") and choices name it.
 */
export const RevisionComparison = z.object({
  from: z.object({ label: z.string(), createdAt: z.string().nullable() }),
  to: z.object({ label: z.string(), createdAt: z.string().nullable() }),
  answers: z.array(Change.extend({ factor: z.string(), prompt: z.string(), ...OfUseCase })),
  weights: z.array(z.object({ participant: z.string(), criterion: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  participants: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  useCases: z.object({ added: z.array(z.string()), removed: z.array(z.string()), renamed: z.array(Change) }),
  recommendations: z.array(Change.extend({ decision: z.string(), title: z.string(), ...OfUseCase })),
  roomChoices: z.array(Change.extend({ decision: z.string(), title: z.string(), ...OfUseCase })),
});
export type RevisionComparison = z.infer<typeof RevisionComparison>;
