import { z } from 'zod';
import { DiagramOverridesSchema, emptyOverrides } from '../diagram';
import { WorkshopId } from './workshop';

export const MAX_PARTICIPANTS = 40;
export const NOTE_MAX = 2000;
export const REASON_MAX = 2000;

// The rule pack's id syntax: letters and digits, joined by ".", "-" or "_".
const id = z
  .string({ message: 'must be text' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*$/, { message: 'must be an id: letters and digits, joined by ".", "-" or "_"' });

export const Involvement = z.enum(['decision-maker', 'consulted', 'informed'], {
  message: 'must be one of decision-maker, consulted, informed',
});
export type Involvement = z.infer<typeof Involvement>;

export const Participant = z
  .object({
    id: z.uuid({ message: 'must be a participant id (a UUID)' }),
    // May be blank while someone is typing; records show "Unnamed participant" for a blank name.
    name: z.string({ message: 'must be text' }).trim().max(120, { message: 'must be at most 120 characters' }),
    role: z.string({ message: 'must be text' }).trim().max(120, { message: 'must be at most 120 characters' }),
    involvement: Involvement,
  })
  .strict();
export type Participant = z.infer<typeof Participant>;

export const AnswerValue = z.union([z.string().max(200), z.number().finite(), z.boolean()], {
  message: 'must be text, a number or true/false',
});
export type AnswerValue = z.infer<typeof AnswerValue>;

const weight = z.number({ message: 'must be a number' }).min(0, { message: 'must be from 0 to 5' }).max(5, { message: 'must be from 0 to 5' });

export const RoomChoice = z
  .object({
    option: id,
    reason: z.string({ message: 'must be text' }).trim().min(1, { message: 'is required: say why the room chose differently' }).max(REASON_MAX, { message: `must be at most ${REASON_MAX} characters` }),
  })
  .strict();
export type RoomChoice = z.infer<typeof RoomChoice>;

/** Everything a room says in a workshop beyond its details: who is in it, answers, notes, weights, choices. */
export const WorkshopState = z
  .object({
    participants: z.array(Participant).max(MAX_PARTICIPANTS, { message: `must list at most ${MAX_PARTICIPANTS} participants` }),
    answers: z.record(id, AnswerValue),
    /** Factors the room explicitly marked "don't know yet". */
    dontKnow: z.array(id),
    notes: z.record(id, z.string().max(NOTE_MAX, { message: `must be at most ${NOTE_MAX} characters` })),
    /** Criterion weights (0..5) per participant id. */
    weights: z.record(z.string(), z.record(id, weight)),
    /** The room's own choice per decision, where it differs from the recommendation. */
    roomChoices: z.record(id, RoomChoice),
    /** The room's edits to the drawn stack (renamed, moved, hidden, added components). */
    diagram: DiagramOverridesSchema.default(emptyOverrides),
    /** Cost assumptions the room changed from the defaults (checked against the cost model on save). */
    costAssumptions: z.record(z.string(), z.union([z.number(), z.null()])).default({}),
  })
  .strict();
export type WorkshopState = z.infer<typeof WorkshopState>;

/** A workshop nobody has worked on yet. */
export function emptyWorkshopState(): WorkshopState {
  return { participants: [], answers: {}, dontKnow: [], notes: {}, weights: {}, roomChoices: {}, diagram: emptyOverrides(), costAssumptions: {} };
}

export const SavedWorkshopState = z.object({
  workshopId: WorkshopId,
  state: WorkshopState,
  /** Increases with every save; a save names the revision it started from. */
  revision: z.number().int().min(0),
  updatedAt: z.string(),
});
export type SavedWorkshopState = z.infer<typeof SavedWorkshopState>;

export const SaveWorkshopStateInput = z
  .object({
    id: WorkshopId,
    state: WorkshopState,
    baseRevision: z.number().int().min(0),
  })
  .strict();
export type SaveWorkshopStateInput = z.infer<typeof SaveWorkshopStateInput>;
