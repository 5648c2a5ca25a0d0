import type { AnswerValue, RoomChoice, WorkshopState } from '../../shared/domain';

/** Pure edits of a workshop state, used with the session slice's `change`. */
export function withAnswer(state: WorkshopState, factor: string, value: AnswerValue): WorkshopState {
  if (state.answers[factor] === value && !state.dontKnow.includes(factor)) return state;
  return { ...state, answers: { ...state.answers, [factor]: value }, dontKnow: state.dontKnow.filter((f) => f !== factor) };
}

export function withDontKnow(state: WorkshopState, factor: string): WorkshopState {
  if (state.dontKnow.includes(factor) && state.answers[factor] === undefined) return state;
  const answers = { ...state.answers };
  delete answers[factor];
  return { ...state, answers, dontKnow: [...state.dontKnow.filter((f) => f !== factor), factor] };
}

/** Empties an answer (neither answered nor "don't know"). */
export function withAnswerCleared(state: WorkshopState, factor: string): WorkshopState {
  if (state.answers[factor] === undefined && !state.dontKnow.includes(factor)) return state;
  const answers = { ...state.answers };
  delete answers[factor];
  return { ...state, answers, dontKnow: state.dontKnow.filter((f) => f !== factor) };
}

export function withNote(state: WorkshopState, factor: string, note: string): WorkshopState {
  const notes = { ...state.notes };
  if (note === '') delete notes[factor];
  else notes[factor] = note;
  return { ...state, notes };
}

export function withWeight(state: WorkshopState, participant: string, criterion: string, weight: number, defaults: Readonly<Record<string, number>>): WorkshopState {
  const current = { ...defaults, ...state.weights[participant] };
  if (current[criterion] === weight) return state;
  return { ...state, weights: { ...state.weights, [participant]: { ...current, [criterion]: weight } } };
}

export function withRoomChoice(state: WorkshopState, decision: string, choice: RoomChoice | null): WorkshopState {
  const roomChoices = { ...state.roomChoices };
  if (choice) roomChoices[decision] = choice;
  else delete roomChoices[decision];
  return { ...state, roomChoices };
}
