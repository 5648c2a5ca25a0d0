import type { AnswerValue, Participant, RoomChoice, WorkshopState } from '../../shared/domain';

/** What holds answers: the organisation's (the workshop state) or one use case's. */
type Answered = Pick<WorkshopState, 'answers' | 'dontKnow' | 'notes'>;

/** Pure edits of a workshop state (or of a use case's answers), used with the session slice's `change`. */
export function withAnswer<T extends Answered>(state: T, factor: string, value: AnswerValue): T {
  if (state.answers[factor] === value && !state.dontKnow.includes(factor)) return state;
  return { ...state, answers: { ...state.answers, [factor]: value }, dontKnow: state.dontKnow.filter((f) => f !== factor) };
}

export function withDontKnow<T extends Answered>(state: T, factor: string): T {
  if (state.dontKnow.includes(factor) && state.answers[factor] === undefined) return state;
  const answers = { ...state.answers };
  delete answers[factor];
  return { ...state, answers, dontKnow: [...state.dontKnow.filter((f) => f !== factor), factor] };
}

/** Empties an answer (neither answered nor "don't know"). */
export function withAnswerCleared<T extends Answered>(state: T, factor: string): T {
  if (state.answers[factor] === undefined && !state.dontKnow.includes(factor)) return state;
  const answers = { ...state.answers };
  delete answers[factor];
  return { ...state, answers, dontKnow: state.dontKnow.filter((f) => f !== factor) };
}

export function withNote<T extends Answered>(state: T, factor: string, note: string): T {
  if ((state.notes[factor] ?? '') === note) return state;
  const notes = { ...state.notes };
  if (note === '') delete notes[factor];
  else notes[factor] = note;
  return { ...state, notes };
}

export function withWeight(state: WorkshopState, participant: string, criterion: string, weight: number, defaults: Readonly<Record<string, number>>): WorkshopState {
  const current = { ...defaults, ...state.weights[participant] };
  if (current[criterion] === weight) return state;
  // Weights someone entered on their own device are theirs no longer once the facilitator changes one.
  const participants = state.participants.map((p) => (p.id === participant && p.weightsFrom ? withoutWeightsFrom(p) : p));
  return { ...state, participants, weights: { ...state.weights, [participant]: { ...current, [criterion]: weight } } };
}

export function withRoomChoice(state: WorkshopState, decision: string, choice: RoomChoice | null): WorkshopState {
  const roomChoices = { ...state.roomChoices };
  if (choice) roomChoices[decision] = choice;
  else delete roomChoices[decision];
  return { ...state, roomChoices };
}

/** A participant removed, with their weights (which `weights` returns, to put back with them). */
export function withParticipantRemoved(state: WorkshopState, id: string): WorkshopState {
  const weights = { ...state.weights };
  delete weights[id];
  const removed = { ...state, participants: state.participants.filter((p) => p.id !== id), weights };
  if (!state.votes?.[id]) return removed;
  const votes = { ...state.votes };
  delete votes[id];
  return { ...removed, votes };
}

/** A removed participant put back where they were in the list, with their weights and votes (undoing a removal). */
export function withParticipantRestored(
  state: WorkshopState,
  person: Participant,
  at: number,
  weights: Readonly<Record<string, number>> | undefined,
  votes?: NonNullable<WorkshopState['votes']>[string],
): WorkshopState {
  if (state.participants.some((p) => p.id === person.id)) return state;
  const participants = [...state.participants];
  participants.splice(Math.min(at, participants.length), 0, person);
  const restored = { ...state, participants, weights: weights ? { ...state.weights, [person.id]: { ...weights } } : state.weights };
  return votes ? { ...restored, votes: { ...state.votes, [person.id]: { ...votes } } } : restored;
}

function withoutWeightsFrom<P extends { weightsFrom?: unknown }>(p: P): Omit<P, 'weightsFrom'> {
  const { weightsFrom: _from, ...rest } = p;
  return rest;
}
