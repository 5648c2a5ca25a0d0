import type { Answers } from '../answers';

/** One use case as the engine reads it: its answers to the use-case factors and the room's own choices for it. */
export interface UseCaseInput {
  id: string;
  name: string;
  answers: Answers;
  /** The room's own option per use-case decision (decision id → option id); unknown ones are ignored. */
  decided?: Readonly<Record<string, string>> | null;
}

/** What the engine evaluates: the organisation-wide answers and the roadmap of use cases. */
export interface Roadmap {
  answers: Answers;
  useCases: readonly UseCaseInput[];
}

/** A roadmap from either a roadmap or bare organisation-wide answers (a roadmap with no use cases). */
export function asRoadmap(input: Roadmap | Answers): Roadmap {
  const maybe = input as Partial<Roadmap>;
  if (Array.isArray(maybe.useCases) && maybe.answers !== null && typeof maybe.answers === 'object') return input as Roadmap;
  return { answers: input as Answers, useCases: [] };
}

/** A use case's answers as its rules read them: the organisation's, with the use case's own over them. */
export function useCaseAnswers(roadmap: Roadmap, useCase: UseCaseInput): Answers {
  return { ...roadmap.answers, ...useCase.answers };
}
