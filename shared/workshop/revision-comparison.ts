import { z } from 'zod';

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
