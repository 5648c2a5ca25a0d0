import { createHash } from 'node:crypto';
import path from 'node:path';
import { emptyWorkshopState, type Participant, type UseCase, type Workshop, type WorkshopState } from '../../shared/domain';
import { defaultCostAssumptions, moneyFields } from '../../shared/cost';
import { ANSWERS_FORMAT, ANSWERS_VERSION, defaultPack, describeFound, formatIssue, parseAnswersFile, type AnswersFile, type CompiledPack, type EngineIssue } from '../../shared/engine';
import { WORKSHOP_FORMAT, WORKSHOP_VERSION, carriedPack, parseWorkshopFile, workshopOfFile, type DecisionRecord, type WorkshopFile } from '../../shared/records';
import type { CliIo } from './cli-io';
import { readJson } from './read-json';

/** A file the CLI reads as its input: a `stratum.answers` file or an exported `stratum.workshop`. */
export type StratumInput = { kind: 'answers'; name: string; answers: AnswersFile } | { kind: 'workshop'; name: string; file: WorkshopFile };

/** The formats this build reads, for messages. */
export const INPUT_FORMATS = `"${ANSWERS_FORMAT}" (version ${ANSWERS_VERSION}) or "${WORKSHOP_FORMAT}" (version ${WORKSHOP_VERSION})`;

/**
 * A workshop file's answers and cost assumptions checked against the pack and the cost model the way an answers
 * file's are (unknown ids, values outside a factor, a currency or an amount not allowed), as the app checks them.
 */
function checkWorkshopAnswers(file: WorkshopFile, pack: CompiledPack): EngineIssue[] {
  const useCases = file.state.useCases.map((u) => ({ name: u.name.trim() || 'use case', answers: u.answers }));
  const checked = parseAnswersFile(
    { format: ANSWERS_FORMAT, version: ANSWERS_VERSION, answers: file.state.answers, ...(useCases.length > 0 ? { useCases } : {}), costAssumptions: file.state.costAssumptions },
    pack,
  );
  // The answers file's words for where an answer belongs, as a workshop file names those places.
  const inWorkshop = (message: string) => message.replace('(useCases[].answers)', '(state.useCases[].answers)').replace('the top-level answers', 'state.answers');
  return checked.ok ? [] : checked.issues.map((issue) => ({ ...issue, message: inWorkshop(issue.message), path: ['state', ...issue.path] }));
}

/** Parses an already-read JSON value, telling the two formats apart by their `format` field. */
/**
 * Parses an input with the pack it is evaluated with: `pack` (from --pack) when given; otherwise the team pack a
 * workshop file carries, as the app opens it, or the built-in pack.
 */
export function parseInput(value: unknown, name: string, pack?: CompiledPack): { ok: true; input: StratumInput; pack: CompiledPack } | { ok: false; issues: EngineIssue[] } {
  const format = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)['format'] : undefined;
  if (format === WORKSHOP_FORMAT) {
    const parsed = parseWorkshopFile(value);
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    let used = pack;
    if (!used) {
      const carried = carriedPack(parsed.value);
      if (carried && !carried.ok) return { ok: false, issues: carried.issues };
      used = carried?.value ?? defaultPack();
    }
    const issues = checkWorkshopAnswers(parsed.value, used);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, input: { kind: 'workshop', name, file: parsed.value }, pack: used };
  }
  // A rule pack goes to the answers parser, whose message says to pass it with --pack.
  if (format === ANSWERS_FORMAT || format === 'stratum.pack') {
    const used = pack ?? defaultPack();
    const parsed = parseAnswersFile(value, used);
    return parsed.ok ? { ok: true, input: { kind: 'answers', name, answers: parsed.value }, pack: used } : { ok: false, issues: parsed.issues };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, issues: [{ path: [], message: 'expected a JSON object: a Stratum answers or workshop file', found: describeFound(value), allowed: `an object with "format": ${INPUT_FORMATS}` }] };
  }
  return {
    ok: false,
    issues: [{ path: ['format'], message: 'not a file this build of Stratum reads', found: describeFound(format), allowed: INPUT_FORMATS }],
  };
}

/**
 * Reads an answers or workshop file (or - for stdin) and the pack to evaluate it with (see parseInput); reports
 * every problem on stderr and returns null.
 */
export function readInput(io: CliIo, file: string, pack?: CompiledPack): { input: StratumInput; pack: CompiledPack } | null {
  const read = readJson(io, file);
  if (!read.ok) {
    io.stderr(`stratum: ${read.message}`);
    return null;
  }
  const parsed = parseInput(read.value, read.name, pack);
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.stderr(`stratum: ${formatIssue(issue, read.name)}`);
    return null;
  }
  return { input: parsed.input, pack: parsed.pack };
}

/** The title of an input: the workshop's, the answers file's, or the file name without its extension. */
export function inputTitle(input: StratumInput): string {
  if (input.kind === 'workshop') return input.file.workshop.title;
  if (input.answers.title?.trim()) return input.answers.title.trim();
  if (input.name === '(stdin)') return 'Workshop';
  return path.basename(input.name).replace(/\.(stratum\.)?json$/i, '') || 'Workshop';
}

/** A UUID (version 5 layout) from a sha256 of the text: the same text always gives the same id. */
export function stableUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A workshop, its state and record lifecycle, as the diagram and export commands use them. */
export interface WorkshopView {
  workshop: Workshop;
  state: WorkshopState;
  /** The record lifecycle of a workshop file (undefined when it has none, and for an answers file). */
  records: DecisionRecord[] | undefined;
  /** True when made from an answers file (the id is derived from the title). */
  derived: boolean;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The input as a workshop. An answers file becomes a minimal one: title from the file (or its name), dated
 * today, id derived from the title (so a later export of the same title updates the same records); its
 * answers (null ones as "don't know"); its `weights` as one decision-maker ("Room weights"), and each
 * stakeholder as a consulted participant whose unset criteria take the file's weights. It is then evaluated
 * like any workshop: the group's weights are the geometric mean of everyone's.
 */
export function asWorkshop(input: StratumInput, now: Date): WorkshopView {
  if (input.kind === 'workshop') return { workshop: workshopOfFile(input.file), state: input.file.state, records: input.file.records, derived: false };
  const a = input.answers;
  const title = inputTitle(input);
  const id = stableUuid(`stratum.answers:${title}`);
  const stamp = now.toISOString();
  const state = emptyWorkshopState();
  for (const [factor, value] of Object.entries(a.answers)) {
    if (value === null) state.dontKnow.push(factor);
    else state.answers[factor] = value;
  }
  state.useCases = a.useCases.map((u) => {
    const useCase: UseCase = { id: stableUuid(`${id}:use-case:${u.id}`), name: u.name, description: u.description ?? '', answers: {}, dontKnow: [], notes: {}, roomChoices: {} };
    for (const [factor, value] of Object.entries(u.answers)) {
      if (value === null) useCase.dontKnow.push(factor);
      else useCase.answers[factor] = value;
    }
    return useCase;
  });
  const participants: Participant[] = [];
  if (Object.keys(a.weights).length > 0) {
    const room: Participant = { id: stableUuid(`${id}:room`), name: 'Room weights', role: 'weights of the answers file', involvement: 'decision-maker' };
    participants.push(room);
    state.weights[room.id] = { ...a.weights };
  }
  a.stakeholders.forEach((s, i) => {
    const person: Participant = { id: stableUuid(`${id}:stakeholder:${i}`), name: s.name.slice(0, 120), role: (s.role ?? '').slice(0, 120), involvement: 'consulted' };
    participants.push(person);
    state.weights[person.id] = { ...a.weights, ...s.weights };
  });
  state.participants = participants;
  // The currency and its rate are named only for another currency than US dollars (moneyFields); an assumption
  // is kept only where it differs from its default, as the app saves them, so the file needs no newer version than it must.
  const { currency: _currency, usdExchangeRate: _rate, ...amounts } = a.costAssumptions;
  const defaults = defaultCostAssumptions(a.costAssumptions.currency, a.costAssumptions.usdExchangeRate);
  const changed = Object.fromEntries(Object.entries(amounts).filter(([key, value]) => defaults[key as keyof typeof amounts] !== value));
  state.costAssumptions = { ...changed, ...moneyFields(a.costAssumptions) };
  const workshop: Workshop = {
    id,
    title,
    organisation: '',
    facilitator: '',
    date: isoDay(now),
    description: a.notes ?? '',
    createdAt: stamp,
    updatedAt: stamp,
    archived: false,
    pack: null,
  };
  return { workshop, state, records: undefined, derived: true };
}
