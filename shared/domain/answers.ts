import { z } from 'zod';
import { PackItemId } from './id';

export const NOTE_MAX = 2000;

/** An answer to one of the pack's questions: an option id, a number or true/false. */
export const AnswerValue = z.union([z.string().max(200), z.number().finite(), z.boolean()], {
  message: 'must be text, a number or true/false',
});
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Answers by factor id. */
export const AnswerMap = z.record(PackItemId, AnswerValue);
/** Factors the room explicitly marked "don't know yet". */
export const DontKnowList = z.array(PackItemId);
/** A note per factor id. */
export const NoteMap = z.record(PackItemId, z.string().max(NOTE_MAX, { message: `must be at most ${NOTE_MAX} characters` }));
