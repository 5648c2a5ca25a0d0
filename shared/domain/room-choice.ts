import { z } from 'zod';
import { PackItemId } from './id';

export const REASON_MAX = 2000;

/**
 * The option the room decided on for a decision, with why. The reason may be empty: a room that agrees with
 * the recommendation need not invent one. Choosing another option needs a reason, which the app asks for
 * (whether an option is the recommendation depends on the evaluation, which this schema does not see).
 */
export const RoomChoice = z
  .object({
    option: PackItemId,
    reason: z.string({ message: 'must be text' }).trim().max(REASON_MAX, { message: `must be at most ${REASON_MAX} characters` }),
  })
  .strict();
export type RoomChoice = z.infer<typeof RoomChoice>;

/** The room's choices by decision id. */
export const RoomChoiceMap = z.record(PackItemId, RoomChoice);

/** The option per decision the room chose (decision id → option id). */
export function chosenOptions(choices: Readonly<Record<string, RoomChoice>>): Record<string, string> {
  return Object.fromEntries(Object.entries(choices).map(([decision, choice]) => [decision, choice.option]));
}
