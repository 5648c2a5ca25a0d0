import { MAX_USE_CASES, type AnswerValue, type UseCase, type WorkshopState } from '../../../shared/domain';
import type { CatalogueEntry } from '../../../shared/engine';
import { withAnswer, withAnswerCleared, withDontKnow, withNote } from '../../stores/session-actions';

/** Pure edits of a workshop's use cases, used with the session slice's `change`. */

/** A new use case: blank, or filled from a catalogue entry. */
export function newUseCase(id: string, entry?: CatalogueEntry): UseCase {
  return { id, name: entry?.name ?? '', description: entry?.description ?? '', answers: { ...(entry?.answers ?? {}) }, dontKnow: [], notes: {}, roomChoices: {} };
}

/** Adds a use case at the end (ignored at the limit: the page says so before). */
export function withUseCaseAdded(state: WorkshopState, useCase: UseCase): WorkshopState {
  if (state.useCases.length >= MAX_USE_CASES) return state;
  return { ...state, useCases: [...state.useCases, useCase] };
}

/** Puts a use case back where it was (undoing a removal). */
export function withUseCaseRestored(state: WorkshopState, useCase: UseCase, at: number): WorkshopState {
  if (state.useCases.some((u) => u.id === useCase.id) || state.useCases.length >= MAX_USE_CASES) return state;
  const useCases = [...state.useCases];
  useCases.splice(Math.min(at, useCases.length), 0, useCase);
  return { ...state, useCases };
}

export function withUseCaseRemoved(state: WorkshopState, id: string): WorkshopState {
  return { ...state, useCases: state.useCases.filter((u) => u.id !== id) };
}

/** Moves a use case up (-1) or down (+1) in the roadmap. */
export function withUseCaseMoved(state: WorkshopState, id: string, by: -1 | 1): WorkshopState {
  const at = state.useCases.findIndex((u) => u.id === id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= state.useCases.length) return state;
  const useCases = [...state.useCases];
  [useCases[at], useCases[to]] = [useCases[to]!, useCases[at]!];
  return { ...state, useCases };
}

function updated(state: WorkshopState, id: string, edit: (u: UseCase) => UseCase): WorkshopState {
  let changed = false;
  const useCases = state.useCases.map((u) => {
    if (u.id !== id) return u;
    const next = edit(u);
    changed = next !== u;
    return next;
  });
  return changed ? { ...state, useCases } : state;
}

export function withUseCaseText(state: WorkshopState, id: string, field: 'name' | 'description', text: string): WorkshopState {
  return updated(state, id, (u) => (u[field] === text ? u : { ...u, [field]: text }));
}

export function withUseCaseAnswer(state: WorkshopState, id: string, factor: string, value: AnswerValue): WorkshopState {
  return updated(state, id, (u) => withAnswer(u, factor, value));
}

/** Marks a use case's question "don't know yet" (clearing its answer). */
export function withUseCaseDontKnow(state: WorkshopState, id: string, factor: string): WorkshopState {
  return updated(state, id, (u) => withDontKnow(u, factor));
}

/** Clears a use case's answer to a question (neither answered nor "don't know"). */
export function withUseCaseCleared(state: WorkshopState, id: string, factor: string): WorkshopState {
  return updated(state, id, (u) => withAnswerCleared(u, factor));
}

export function withUseCaseNote(state: WorkshopState, id: string, factor: string, note: string): WorkshopState {
  return updated(state, id, (u) => withNote(u, factor, note));
}
