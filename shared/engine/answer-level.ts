import { closestId } from '../util/closest-id';
import { SCOPE_USE_CASE, type CompiledPack } from './compiled-pack';
import type { Factor } from './pack-schema';

/** The two levels answers are given at: once for the organisation, or for each use case. */
export type AnswerLevel = 'organisation' | 'use-case';

/** Why an answer id given at a level is not one of its questions (null where it is). */
export type MisplacedAnswer =
  /** No question has this id; `suggestion` is the closest at this level, else the closest at the other (`atOtherLevel`). */
  | { kind: 'unknown'; suggestion?: string; atOtherLevel?: boolean }
  /** A question of the other level. */
  | { kind: 'other-level' }
  /** Worked out from the use cases' answers, never asked. */
  | { kind: 'aggregate' };

/** The questions asked at a level, in pack order (aggregates, which are worked out, left out). */
export function questionsAt(pack: CompiledPack, level: AnswerLevel): Factor[] {
  return pack.factors.filter((f, i) => !f.aggregate && (pack.factorScopes[i] === SCOPE_USE_CASE) === (level === 'use-case'));
}

const idsOf = (factors: readonly Factor[]) => factors.map((f) => f.id);

/**
 * Whether `id` is a question asked at `level`, and if not, why: the one check the app's saved states and the
 * answers files share, each saying it in its own words.
 */
export function misplacedAnswer(pack: CompiledPack, id: string, level: AnswerLevel): MisplacedAnswer | null {
  const index = pack.factorIndex.get(id);
  if (index !== undefined) {
    if (pack.factors[index]!.aggregate) return { kind: 'aggregate' };
    return (pack.factorScopes[index] === SCOPE_USE_CASE) === (level === 'use-case') ? null : { kind: 'other-level' };
  }
  // A typo is matched at this level first, then at the other.
  const here = closestId(id, idsOf(questionsAt(pack, level)));
  if (here) return { kind: 'unknown', suggestion: here };
  const there = closestId(id, idsOf(questionsAt(pack, level === 'use-case' ? 'organisation' : 'use-case')));
  return there ? { kind: 'unknown', suggestion: there, atOtherLevel: true } : { kind: 'unknown' };
}
