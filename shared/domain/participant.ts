import { z } from 'zod';

export const MAX_PARTICIPANTS = 40;

/** What records and lists show for a participant whose name is blank. */
export const UNNAMED_PARTICIPANT = 'Unnamed participant';

export const Involvement = z.enum(['decision-maker', 'consulted', 'informed'], {
  message: 'must be one of decision-maker, consulted, informed',
});
export type Involvement = z.infer<typeof Involvement>;

export const Participant = z
  .object({
    id: z.uuid({ message: 'must be a participant id (a UUID)' }),
    // May be blank while someone is typing; records show UNNAMED_PARTICIPANT for a blank name.
    name: z.string({ message: 'must be text' }).trim().max(120, { message: 'must be at most 120 characters' }),
    role: z.string({ message: 'must be text' }).trim().max(120, { message: 'must be at most 120 characters' }),
    involvement: Involvement,
    /** Set when the weights are the ones this person entered on their own device in the workshop room (and not edited since). */
    weightsFrom: z.literal('own-device', { message: 'must be "own-device" when given' }).optional(),
  })
  .strict();
export type Participant = z.infer<typeof Participant>;

/** A participant's name as people read it: UNNAMED_PARTICIPANT when blank. */
export function participantName(p: Pick<Participant, 'name'>): string {
  return p.name.trim() || UNNAMED_PARTICIPANT;
}
