import { z } from 'zod';
import { AnswerMap, DontKnowList, NoteMap } from './answers';
import { DiagramOverridesSchema, emptyOverrides } from './diagram-overrides';
import { PackItemId } from './id';
import { MAX_PARTICIPANTS, Participant } from './participant';
import { RoomChoiceMap } from './room-choice';
import { UseCaseList } from './use-case';
import { WorkshopId } from './workshop';

const weight = z.number({ message: 'must be a number' }).min(0, { message: 'must be from 0 to 5' }).max(5, { message: 'must be from 0 to 5' });

/**
 * Everything a room says in a workshop beyond its details: who is in it, its use cases, the organisation-wide
 * answers and notes, weights, the room's choices, its edits to the stack and its cost assumptions.
 */
export const WorkshopState = z
  .object({
    participants: z.array(Participant).max(MAX_PARTICIPANTS, { message: `must list at most ${MAX_PARTICIPANTS} participants` }),
    /** The transformation roadmap: the use cases the infrastructure is for, in the room's order. */
    useCases: UseCaseList,
    /** Answers to the organisation-wide questions. */
    answers: AnswerMap,
    /** Organisation-wide factors the room explicitly marked "don't know yet". */
    dontKnow: DontKnowList,
    notes: NoteMap,
    /** Criterion weights (0..5) per participant id. */
    weights: z.record(z.string(), z.record(PackItemId, weight)),
    /** The room's own choice per organisation decision, where it differs from the recommendation. */
    roomChoices: RoomChoiceMap,
    /**
     * Each participant's own vote on organisation decisions (participant id → decision id → option and reason), as
     * they cast it on their own device in the workshop room; absent in workshops that never ran one.
     */
    votes: z.record(z.string(), RoomChoiceMap).optional(),
    /** The room's edits to the drawn stack (renamed, moved, hidden, added components). */
    diagram: DiagramOverridesSchema.default(emptyOverrides),
    /**
     * Cost assumptions the room changed from the defaults, and the workshop's currency when it is not US dollars
     * (`currency`: a code; checked against the cost model on save).
     */
    costAssumptions: z.record(z.string(), z.union([z.number(), z.null(), z.string().max(8)])).default({}),
  })
  .strict();
export type WorkshopState = z.infer<typeof WorkshopState>;

/** A workshop nobody has worked on yet. */
export function emptyWorkshopState(): WorkshopState {
  return { participants: [], useCases: [], answers: {}, dontKnow: [], notes: {}, weights: {}, roomChoices: {}, diagram: emptyOverrides(), costAssumptions: {} };
}

/** A workshop's state as saved: each save names the revision it started from. */
export const SavedWorkshopState = z.object({
  workshopId: WorkshopId,
  state: WorkshopState,
  /** Increases with every save; a save names the revision it started from. */
  revision: z.number().int().min(0),
  updatedAt: z.string(),
});
export type SavedWorkshopState = z.infer<typeof SavedWorkshopState>;
