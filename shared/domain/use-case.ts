import { z } from 'zod';
import { AnswerMap, DontKnowList, NoteMap } from './answers';
import { RoomChoiceMap } from './room-choice';

/** A roadmap holds at most this many use cases. */
export const MAX_USE_CASES = 30;
export const USE_CASE_NAME_MAX = 120;
export const USE_CASE_DESCRIPTION_MAX = 2000;

/** What a list shows for a use case whose name is blank. */
export const UNNAMED_USE_CASE = 'Unnamed use case';

/**
 * One use case of the transformation roadmap: its answers to the pack's use-case questions (what it must do,
 * how it is used, its data, volumes and training), and the room's own choices for its decisions.
 */
export const UseCase = z
  .object({
    id: z.uuid({ message: 'must be a use case id (a UUID)' }),
    // May be blank while someone is typing; lists show UNNAMED_USE_CASE.
    name: z.string({ message: 'must be text' }).trim().max(USE_CASE_NAME_MAX, { message: `must be at most ${USE_CASE_NAME_MAX} characters` }),
    description: z
      .string({ message: 'must be text' })
      .max(USE_CASE_DESCRIPTION_MAX, { message: `must be at most ${USE_CASE_DESCRIPTION_MAX} characters` })
      .default(''),
    answers: AnswerMap,
    dontKnow: DontKnowList.default([]),
    notes: NoteMap.default({}),
    roomChoices: RoomChoiceMap.default({}),
  })
  .strict();
export type UseCase = z.infer<typeof UseCase>;

/** The use cases of a roadmap, at most MAX_USE_CASES, each id once. */
export const UseCaseList = z
  .array(UseCase)
  .max(MAX_USE_CASES, { message: `must list at most ${MAX_USE_CASES} use cases` })
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((u, i) => {
      const first = seen.get(u.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `must differ from use case ${first + 1}'s id` });
      else seen.set(u.id, i);
    });
  });

/** A use case's name as people read it: UNNAMED_USE_CASE when blank. */
export function nameOfUseCase(u: Pick<UseCase, 'name'>): string {
  return u.name.trim() || UNNAMED_USE_CASE;
}
