import { z } from 'zod';
import { MAX_PARTICIPANTS, MAX_USE_CASES, migrateWorkshopState } from '../domain';
import { COST_ASSUMPTION_INFO, parseCostAssumptions, type CostAssumptions } from '../cost';
import { closestId } from '../util/closest-id';
import { misplacedAnswer, questionsAt, type AnswerLevel } from './answer-level';
import type { CompiledPack } from './compiled-pack';
import { describeAllowed, describeFound, jsonNestingIssue, type EngineIssue, type EngineResult } from './engine-issue';
import type { JsonPath } from '../util/json-path';
import { WEIGHT_MAX, type Factor, type FactorValue } from './pack-schema';
import { strictObject } from './strict-object';
import { describeDomain, inDomain } from './validate-condition';
import { fromZodIssues } from './zod-issues';

export const ANSWERS_FORMAT = 'stratum.answers';
/** The answers format this build writes; version 2 adds the roadmap's use cases. */
export const ANSWERS_VERSION = 2;
/** Versions this build reads: version 1 (one set of answers for the whole organisation) is migrated to use cases. */
export const ANSWERS_VERSIONS_READ: readonly number[] = [1, 2];
/** A roadmap holds at most this many use cases, as a workshop does. */
export const MAX_FILE_USE_CASES = MAX_USE_CASES;
/** A workshop holds at most MAX_PARTICIPANTS people; the file's own weights are one of them. */
export const MAX_FILE_STAKEHOLDERS = MAX_PARTICIPANTS - 1;

const Weight = z.number().min(0).max(WEIGHT_MAX);
const WeightMap = z.record(z.string(), Weight);

const StakeholderSchema = strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).optional(),
  weights: WeightMap,
});

const AnswerRecord = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const UseCaseSchema = strictObject({
  /** Optional: a use case without one is named `use-case-<its position>` in outputs. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'must be letters, digits, ".", "-" or "_"' }).max(64).optional(),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).optional(),
  answers: AnswerRecord,
});

/** The structure of a `stratum.answers` file; factor ids and values are checked against the pack after. */
export const AnswersFileSchema = strictObject({
  format: z.literal(ANSWERS_FORMAT),
  version: z.literal([1, 2]),
  title: z.string().max(200).optional(),
  notes: z.string().max(5000).optional(),
  answers: AnswerRecord,
  useCases: z.array(UseCaseSchema).max(MAX_FILE_USE_CASES, { message: `must list at most ${MAX_FILE_USE_CASES} use cases, as a workshop does` }).optional(),
  weights: WeightMap.optional(),
  stakeholders: z
    .array(StakeholderSchema)
    .max(MAX_FILE_STAKEHOLDERS, { message: `must list at most ${MAX_FILE_STAKEHOLDERS} stakeholders: a workshop holds at most ${MAX_PARTICIPANTS} participants and the file's own weights are one of them` })
    .optional(),
  // Checked field by field by parseCostAssumptions (shared/cost), which names each field and its range.
  costAssumptions: z.unknown().optional(),
});

/** A stakeholder's own criterion weights (0..5); criteria they leave out take the workshop weights. */
export interface Stakeholder {
  name: string;
  role?: string;
  weights: Record<string, number>;
}

/** A use case of an answers file, with its id (given, or `use-case-<n>`). */
export interface FileUseCase {
  id: string;
  name: string;
  description?: string;
  answers: Record<string, FactorValue | null>;
}

/** A validated answers file (version 1 read as version 2): answers, use cases, workshop weights and stakeholders. */
export interface AnswersFile {
  format: typeof ANSWERS_FORMAT;
  version: typeof ANSWERS_VERSION;
  title?: string;
  notes?: string;
  /** The organisation-wide answers. */
  answers: Record<string, FactorValue | null>;
  /** The roadmap's use cases (empty for a pack without use cases). */
  useCases: FileUseCase[];
  weights: Record<string, number>;
  stakeholders: Stakeholder[];
  /** Price assumptions for the cost model: the file's, with defaults for every field it leaves out. */
  costAssumptions: CostAssumptions;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkEnvelope(raw: unknown): EngineIssue[] {
  if (!isRecord(raw)) return [{ path: [], message: 'an answers file must be a JSON object', found: describeFound(raw), allowed: `an object with "format": "${ANSWERS_FORMAT}"` }];
  if (raw.format !== ANSWERS_FORMAT) {
    const hint = raw.format === 'stratum.pack' ? ' (this is a rule pack: pass it with --pack)' : '';
    return [{ path: ['format'], message: `this is not a Stratum answers file${hint}`, found: describeFound(raw.format), allowed: JSON.stringify(ANSWERS_FORMAT) }];
  }
  if (typeof raw.version === 'number' && raw.version > ANSWERS_VERSION) {
    return [{ path: ['version'], message: `this file is ${ANSWERS_FORMAT} version ${raw.version}, newer than this build of Stratum reads; update Stratum`, found: describeFound(raw.version), allowed: ANSWERS_VERSIONS_READ.join(' or ') }];
  }
  return [];
}

/**
 * A version 1 file read with a pack that asks per use case: its organisation-wide answers about the workload
 * become one use case named for the file (migrateWorkshopState), exactly as a saved workshop of that version is
 * opened. Anything else comes back as it is.
 */
function fromVersion1(raw: Record<string, unknown>, pack: CompiledPack): Record<string, unknown> {
  if (raw.version !== 1 || !pack.hasUseCases) return raw;
  const title = typeof raw.title === 'string' ? raw.title : '';
  const { state } = migrateWorkshopState(
    { answers: raw.answers, dontKnow: [], notes: {}, ...(isRecord(raw.costAssumptions) ? { costAssumptions: raw.costAssumptions } : {}) },
    { workshopId: `stratum.answers:${title}`, organisation: '', title: title || 'The organisation' },
  );
  const migrated = state as { answers: Record<string, unknown>; useCases: Array<{ name: string; description: string; answers: Record<string, unknown> }>; costAssumptions?: unknown };
  const useCases = migrated.useCases.map((u) => ({ name: u.name, description: u.description, answers: u.answers }));
  return { ...raw, version: 2, answers: migrated.answers, useCases, ...(migrated.costAssumptions !== undefined ? { costAssumptions: migrated.costAssumptions } : {}) };
}

function checkWeights(pack: CompiledPack, weights: Record<string, unknown> | undefined, path: JsonPath, issues: EngineIssue[]): void {
  const known = pack.criteria.map((c) => c.id);
  for (const key of Object.keys(weights ?? {})) {
    if (!pack.criterionIndex.has(key)) {
      const suggestion = closestId(key, known);
      issues.push({ path: [...path, key], message: 'unknown criterion', found: JSON.stringify(key), allowed: describeAllowed(known), ...(suggestion ? { suggestion } : {}) });
    }
  }
}

function asRecord(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/**
 * Reads `costAssumptions` with the cost model's own validation (parseCostAssumptions), one issue per field in
 * the answers file's style: `$.costAssumptions.spotDiscount: value not allowed …; found: 1.2; allowed: …`.
 */
function checkCostAssumptions(value: unknown): EngineIssue[] {
  const read = parseCostAssumptions(value);
  if (read.ok) return [];
  const keys = [...COST_ASSUMPTION_INFO.map((i) => i.key), 'currency'];
  return read.issues.map((issue): EngineIssue => {
    const [, key] = issue.path.split('.');
    if (key === undefined) return { path: ['costAssumptions'], message: 'cost assumptions must be an object', found: describeFound(value), allowed: `an object with some of ${keys.join(', ')}` };
    if (issue.allowed === undefined) {
      const suggestion = closestId(key, keys);
      return { path: ['costAssumptions', key], message: 'not a cost assumption', found: JSON.stringify(key), allowed: describeAllowed(keys), ...(suggestion ? { suggestion } : {}) };
    }
    // The cost model's own predicate: an amount's range is in the file's currency.
    return { path: ['costAssumptions', key], message: `value not allowed for "${key}"`, found: describeFound(asRecord(value)[key]), allowed: issue.allowed };
  });
}

/** Checks one set of answers against the questions of one level; one of the other level is said to belong there. */
function checkAnswers(pack: CompiledPack, answers: Record<string, unknown>, path: JsonPath, level: AnswerLevel, issues: EngineIssue[]): void {
  const asked = questionsAt(pack, level).map((f) => f.id);
  const otherPlace = level === 'organisation' ? "asked of each use case: put it in a use case's answers (useCases[].answers)" : 'asked once for the organisation: put it in the top-level answers';
  for (const [key, value] of Object.entries(answers)) {
    const misplaced = misplacedAnswer(pack, key, level);
    if (misplaced) {
      const message =
        misplaced.kind === 'aggregate'
          ? 'computed from the use cases, not answered'
          : misplaced.kind === 'other-level'
            ? otherPlace
            : misplaced.atOtherLevel
              ? `unknown answer id; the closest, "${misplaced.suggestion}", is ${level === 'organisation' ? 'asked of each use case (useCases[].answers)' : 'asked once for the organisation (the top-level answers)'}`
              : 'unknown answer id';
      const suggestion = misplaced.kind === 'unknown' ? misplaced.suggestion : undefined;
      issues.push({ path: [...path, key], message, found: JSON.stringify(key), allowed: describeAllowed(asked, 30), ...(suggestion ? { suggestion } : {}) });
      continue;
    }
    const factor = pack.factors[pack.factorIndex.get(key)!]!;
    if (value !== null && !inDomain(factor, value)) {
      const suggestion = factor.type === 'enum' && typeof value === 'string' ? closestId(value, factor.values) : undefined;
      issues.push({ path: [...path, key], message: `value not allowed for "${key}"`, found: describeFound(value), allowed: `${describeDomain(factor)} (or null for unknown)`, ...(suggestion ? { suggestion } : {}) });
    }
  }
}

function checkAgainstPack(raw: Record<string, unknown>, pack: CompiledPack): EngineIssue[] {
  const issues: EngineIssue[] = [];
  checkAnswers(pack, asRecord(raw.answers), ['answers'], 'organisation', issues);
  const useCases = Array.isArray(raw.useCases) ? (raw.useCases as unknown[]).slice(0, MAX_FILE_USE_CASES) : [];
  if (useCases.length > 0 && !pack.hasUseCases) {
    issues.push({ path: ['useCases'], message: `rule pack ${pack.pack.id} asks nothing per use case (pack format 1): give it one set of answers, or use a pack of format 2`, found: `${useCases.length} use cases`, allowed: 'no useCases with this pack' });
  }
  const ids = new Map<string, number>();
  useCases.forEach((u, i) => {
    const entry = asRecord(u);
    if (pack.hasUseCases) checkAnswers(pack, asRecord(entry.answers), ['useCases', i, 'answers'], 'use-case', issues);
    if (typeof entry.id !== 'string') return;
    const first = ids.get(entry.id);
    if (first !== undefined) issues.push({ path: ['useCases', i, 'id'], message: `duplicate use case id (first used at index ${first})`, found: JSON.stringify(entry.id), allowed: 'an id not used by another use case' });
    else ids.set(entry.id, i);
  });
  checkWeights(pack, asRecord(raw.weights), ['weights'], issues);
  issues.push(...checkCostAssumptions(raw.costAssumptions));
  const names = new Map<string, number>();
  // Past the cap the list is refused as a whole (above); its entries are not checked one by one.
  const stakeholders = Array.isArray(raw.stakeholders) ? (raw.stakeholders as unknown[]).slice(0, MAX_FILE_STAKEHOLDERS) : [];
  stakeholders.forEach((s, i) => {
    const person = asRecord(s);
    checkWeights(pack, asRecord(person.weights), ['stakeholders', i, 'weights'], issues);
    if (typeof person.name !== 'string') return;
    const name = person.name.trim();
    const first = names.get(name);
    if (first !== undefined) issues.push({ path: ['stakeholders', i, 'name'], message: `duplicate stakeholder name (first used at index ${first})`, found: JSON.stringify(person.name), allowed: 'a name not used by another stakeholder' });
    else names.set(name, i);
  });
  return issues;
}

/**
 * Questions of version 1 that version 2 no longer asks: their answers are carried into the migrated use case
 * (the volume as its volume now and, ×10, in production; the two about immediacy as its usage), so a value
 * outside what version 1 allowed is refused here, where the file has it, rather than silently dropped.
 */
const VERSION_1_ONLY: readonly Factor[] = [
  { id: 'interactiveUseCases', type: 'enum', values: ['none', 'some', 'most'], prompt: 'How many use cases need an immediate response?' },
  { id: 'dataFreshness', type: 'enum', values: ['real-time', 'hourly', 'daily', 'weekly'], prompt: 'How fresh must the data behind predictions be?' },
  { id: 'monthlyInferenceRequests', type: 'number', min: 0, prompt: 'How many inference requests per month?' },
] as Factor[];
/** The version 2 answers a version 1 answer became, by the version 1 id. */
const FROM_VERSION_1: Readonly<Record<string, string>> = { requestsPerMonthNow: 'monthlyInferenceRequests', requestsPerMonthInProduction: 'monthlyInferenceRequests' };

function checkVersion1Only(raw: Record<string, unknown>): EngineIssue[] {
  const answers = asRecord(raw.answers);
  const issues: EngineIssue[] = [];
  for (const factor of VERSION_1_ONLY) {
    if (!Object.hasOwn(answers, factor.id)) continue;
    const value = answers[factor.id];
    if (value === null || inDomain(factor, value)) continue;
    const suggestion = factor.type === 'enum' && typeof value === 'string' ? closestId(value, factor.values) : undefined;
    issues.push({ path: ['answers', factor.id], message: `value not allowed for "${factor.id}"`, found: describeFound(value), allowed: `${describeDomain(factor)} (or null for unknown)`, ...(suggestion ? { suggestion } : {}) });
  }
  return issues;
}

/** A problem in a version 1 file where that file has it and in its words, from where the migrated file has it. */
function toVersion1Path(issue: EngineIssue): EngineIssue {
  const [first, index, field, key] = issue.path;
  if (first !== 'useCases' || index !== 0 || field !== 'answers' || typeof key !== 'string') return issue;
  const id = FROM_VERSION_1[key] ?? key;
  return { ...issue, path: ['answers', id, ...issue.path.slice(4)], message: issue.message.replace(`"${key}"`, `"${id}"`) };
}

/** A version 1 file's problems at its own paths, one per field (its volume became two answers). */
function version1Issues(raw: Record<string, unknown>, issues: readonly EngineIssue[]): EngineIssue[] {
  const out = checkVersion1Only(raw);
  const seen = new Set(out.map((i) => i.path.join('\u0000')));
  for (const issue of issues.map(toVersion1Path)) {
    const key = issue.path.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

function costAssumptionsOf(value: unknown): CostAssumptions {
  const read = parseCostAssumptions(value);
  // Already checked in checkAgainstPack; a failure here would be a bug.
  if (!read.ok) throw new Error(`costAssumptions passed the check but not the parse: ${read.issues[0]?.message}`);
  return read.value;
}

/**
 * Validates a parsed `stratum.answers` file against a pack: unknown ids (with the closest known id), answers given
 * at the wrong level (organisation or use case), values outside a factor's domain, weights outside 0..5. A
 * version 1 file is read as version 2 (fromVersion1).
 */
export function parseAnswersFile(input: unknown, pack: CompiledPack): EngineResult<AnswersFile> {
  const tooDeep = jsonNestingIssue(input);
  if (tooDeep) return { ok: false, issues: [tooDeep] };
  const envelope = checkEnvelope(input);
  if (envelope.length > 0) return { ok: false, issues: envelope };
  const raw = fromVersion1(input as Record<string, unknown>, pack);
  const migrated = raw !== input;
  const parsed = AnswersFileSchema.safeParse(raw);
  const issues = parsed.success ? [] : fromZodIssues(parsed.error, raw);
  // Report each field once: a shape problem hides a pack problem at the same path.
  const seen = new Set(issues.map((i) => i.path.join('\u0000')));
  for (const issue of checkAgainstPack(raw as Record<string, unknown>, pack)) if (!seen.has(issue.path.join('\u0000'))) issues.push(issue);
  // A version 1 file's problems are reported where that file has them: its use case's answers were its answers.
  const reported = migrated ? version1Issues(input as Record<string, unknown>, issues) : issues;
  if (reported.length > 0) return { ok: false, issues: reported };
  if (!parsed.success) return { ok: false, issues };
  const file = parsed.data;
  return {
    ok: true,
    value: {
      format: ANSWERS_FORMAT,
      version: ANSWERS_VERSION,
      ...(file.title !== undefined ? { title: file.title } : {}),
      ...(file.notes !== undefined ? { notes: file.notes } : {}),
      answers: file.answers,
      useCases: (file.useCases ?? []).map((u, i) => ({ id: u.id ?? `use-case-${i + 1}`, name: u.name, ...(u.description !== undefined ? { description: u.description } : {}), answers: u.answers })),
      weights: file.weights ?? {},
      stakeholders: (file.stakeholders ?? []).map((s) => ({ name: s.name, ...(s.role !== undefined ? { role: s.role } : {}), weights: s.weights })),
      costAssumptions: costAssumptionsOf(file.costAssumptions),
    },
  };
}
