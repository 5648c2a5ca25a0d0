import { humanize } from '../components/labels';
import { UNNAMED_PARTICIPANT, nameOfUseCase, type Participant, type WorkshopState } from '../../shared/domain';
import { COST_ASSUMPTION_INFO } from '../../shared/cost';
import type { CompiledPack } from '../../shared/engine';
import { canonicalJson } from '../../shared/util';
import type { StepId } from './route';

/** One undoable edit in words, and the step it was made on (so an undo can say where it happened). */
export interface EditWords {
  what: string;
  step: StepId;
}

/** Equal as data, whatever the order of keys. */
export const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The keys whose values differ between two records, in the order they first appear. */
export function changedKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k]));
}

/** Answers with each "don't know yet" as a value of its own, so marking one is a change like answering it. */
function answersOf(side: Pick<WorkshopState, 'answers' | 'dontKnow'>): Record<string, unknown> {
  return { ...side.answers, ...Object.fromEntries(side.dontKnow.map((f) => [f, '?'])) };
}

/**
 * What changed from one workshop state to the next, in a few words a facilitator recognises ("C. Ruiz's weight
 * for Cost", "the answer to p95 latency for Fraud scoring"), for the undo and redo buttons and their notices.
 * The first difference found names the edit: an undo step is one edit (or one coalesced run of the same edit).
 */
export function describeEdit(pack: CompiledPack, before: WorkshopState, after: WorkshopState): EditWords {
  const factorLabel = (id: string) => {
    const f = pack.factors.find((x) => x.id === id);
    // A short label where the pack gives one, else the question as it is asked.
    return f ? (f.label ?? `“${f.prompt}”`) : humanize(id);
  };
  const person = (id: string) => (after.participants.find((p) => p.id === id) ?? before.participants.find((p) => p.id === id))?.name || UNNAMED_PARTICIPANT;
  const decisionTitle = (id: string) => pack.decisions.find((d) => d.id === id)?.decision.title ?? humanize(id);

  // What the workshop room revealed comes in as one edit: weights marked as entered on their own devices, votes.
  const fromDevice = (s: WorkshopState) => s.participants.filter((p) => p.weightsFrom === 'own-device').map((p) => p.id);
  const newlyFromDevice = fromDevice(after).some((id) => !fromDevice(before).includes(id));
  if (newlyFromDevice || !same(after.votes ?? {}, before.votes ?? {})) return { what: 'the answers revealed from the room', step: 'consensus' };

  // Participants: added, removed (with their weights), renamed or moved to another involvement.
  const beforeIds = before.participants.map((p) => p.id);
  const afterIds = after.participants.map((p) => p.id);
  const added = after.participants.find((p) => !beforeIds.includes(p.id));
  if (added) return { what: `adding ${added.name || UNNAMED_PARTICIPANT}`, step: 'setup' };
  const removed = before.participants.find((p) => !afterIds.includes(p.id));
  if (removed) return { what: `removing ${removed.name || UNNAMED_PARTICIPANT} and their weights`, step: 'setup' };
  // The mark of weights entered on a device goes with a weight's edit: that edit is named below, as a weight.
  const details = (p: Participant | undefined) => (p ? { ...p, weightsFrom: undefined } : p);
  const edited = after.participants.find((p) => !same(details(p), details(before.participants.find((q) => q.id === p.id))));
  if (edited) return { what: `the details of ${edited.name || UNNAMED_PARTICIPANT}`, step: 'setup' };

  // Use cases: added, removed, reordered, or one of their answers, notes, names or choices.
  const beforeCases = new Map(before.useCases.map((u) => [u.id, u]));
  const afterCases = new Map(after.useCases.map((u) => [u.id, u]));
  const newCase = after.useCases.find((u) => !beforeCases.has(u.id));
  if (newCase) return { what: `adding the use case ${nameOfUseCase(newCase)}`, step: 'use-cases' };
  const goneCase = before.useCases.find((u) => !afterCases.has(u.id));
  if (goneCase) return { what: `removing the use case ${nameOfUseCase(goneCase)}`, step: 'use-cases' };
  for (const u of after.useCases) {
    const was = beforeCases.get(u.id)!;
    if (same(u, was)) continue;
    const name = nameOfUseCase(u);
    if (u.name !== was.name) return { what: `the name of ${name}`, step: 'use-cases' };
    if (u.description !== was.description) return { what: `the description of ${name}`, step: 'use-cases' };
    const answer = changedKeys(answersOf(u), answersOf(was))[0];
    if (answer) return { what: `the answer to ${factorLabel(answer)} for ${name}`, step: 'use-cases' };
    const note = changedKeys(u.notes, was.notes)[0];
    if (note) return { what: `the note on ${factorLabel(note)} for ${name}`, step: 'use-cases' };
    return { what: `the room's choices for ${name}`, step: 'decisions' };
  }
  if (!same(after.useCases.map((u) => u.id), before.useCases.map((u) => u.id))) return { what: 'the order of the use cases', step: 'use-cases' };

  // The organisation's answers and notes.
  const answer = changedKeys(answersOf(after), answersOf(before))[0];
  if (answer) return { what: `the answer to ${factorLabel(answer)}`, step: 'context' };
  const note = changedKeys(after.notes, before.notes)[0];
  if (note) return { what: `the note on ${factorLabel(note)}`, step: 'context' };

  // Weights, choices, cost assumptions, the diagram.
  const weighed = changedKeys(after.weights, before.weights)[0];
  if (weighed !== undefined) {
    const criterion = changedKeys(after.weights[weighed] ?? {}, before.weights[weighed] ?? {})[0];
    const label = criterion ? (pack.criteria.find((c) => c.id === criterion)?.label ?? humanize(criterion)) : null;
    return { what: label ? `${person(weighed)}'s weight for ${label}` : `${person(weighed)}'s weights`, step: 'priorities' };
  }
  const choice = changedKeys(after.roomChoices, before.roomChoices)[0];
  if (choice) return { what: `the room's choice for ${decisionTitle(choice)}`, step: 'decisions' };
  if ((after.costAssumptions.currency ?? 'USD') !== (before.costAssumptions.currency ?? 'USD')) return { what: 'the currency', step: 'cost' };
  const assumption = changedKeys(after.costAssumptions, before.costAssumptions)[0];
  if (assumption) return { what: `the cost assumption ${COST_ASSUMPTION_INFO.find((i) => i.key === assumption)?.label ?? humanize(assumption)}`, step: 'cost' };
  if (!same(after.diagram, before.diagram)) return { what: 'an edit to the stack diagram', step: 'stack' };
  return { what: 'the last edit', step: 'setup' };
}
