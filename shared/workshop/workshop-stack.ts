import type { Workshop } from '../domain';
import { nameOfUseCase, type WorkshopState } from '../domain';
import { layoutStack, type StackLayout, type StackLayoutInput } from '../diagram';
import type { Evaluation } from '../engine';
import { roomChoiceOptions } from './evaluate-workshop';

/** What the workshop's stack is drawn from: its evaluation, answers, room choices and diagram edits. */
export function workshopStackInput(workshop: Pick<Workshop, 'title' | 'date'>, state: WorkshopState, evaluation: Evaluation, packSha256?: string): StackLayoutInput {
  return {
    evaluation,
    answers: state.answers,
    overrides: state.diagram,
    choices: roomChoiceOptions(state),
    workshop: { title: workshop.title, date: workshop.date },
    useCases: state.useCases.map((u) => ({ id: u.id, name: nameOfUseCase(u), answers: u.answers })),
    ...(packSha256 !== undefined ? { packSha256 } : {}),
  };
}

/**
 * The workshop's stack diagram laid out as the exports draw it (the screen lays the same input out for its width);
 * its title names the pack by id, version and, when given, sha256.
 */
export function workshopStackLayout(workshop: Pick<Workshop, 'title' | 'date'>, state: WorkshopState, evaluation: Evaluation, packSha256?: string): StackLayout {
  return layoutStack(workshopStackInput(workshop, state, evaluation, packSha256));
}

/** Longest title part of an export's file name, in characters; a longer title is cut at a word's end. */
const SLUG_MAX = 60;

/**
 * A title as a file name part: ASCII letters and digits, lower case, joined by "-" (as adr-tools spells record
 * files); longer than `max`, cut at the last whole word that fits (one word longer than that, where it must be).
 * Empty when nothing is left.
 */
export function fileSlug(title: string, max = Infinity): string {
  const full = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= max) return full;
  const wordEnd = full.slice(0, max + 1).lastIndexOf('-');
  return wordEnd > 0 ? full.slice(0, wordEnd) : full.slice(0, max);
}

/** A file name for an export of this workshop: "contoso-ai-platform-stack.svg". */
export function exportFileName(title: string, what: string, extension: string): string {
  return `${fileSlug(title, SLUG_MAX) || 'workshop'}-${what}.${extension}`;
}
