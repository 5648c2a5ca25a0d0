import { z } from 'zod';
import { COST_ASSUMPTION_INFO, describeAllowedAssumption, parseCostAssumptions, type CostAssumptions } from '../cost';
import { closestId } from './closest-id';
import type { CompiledPack } from './compiled-pack';
import { describeAllowed, describeFound, type EngineIssue, type EngineResult } from './engine-issue';
import type { JsonPath } from './json-path';
import { WEIGHT_MAX, type FactorValue } from './pack-schema';
import { strictObject } from './strict-object';
import { describeDomain, inDomain } from './validate-condition';
import { fromZodIssues } from './zod-issues';

export const ANSWERS_FORMAT = 'stratum.answers';
export const ANSWERS_VERSION = 1;

const Weight = z.number().min(0).max(WEIGHT_MAX);
const WeightMap = z.record(z.string(), Weight);

const StakeholderSchema = strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).optional(),
  weights: WeightMap,
});

/** The structure of a `stratum.answers` v1 file; factor ids and values are checked against the pack after. */
export const AnswersFileSchema = strictObject({
  format: z.literal(ANSWERS_FORMAT),
  version: z.literal(ANSWERS_VERSION),
  title: z.string().max(200).optional(),
  notes: z.string().max(5000).optional(),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  weights: WeightMap.optional(),
  stakeholders: z.array(StakeholderSchema).optional(),
  // Checked field by field by parseCostAssumptions (shared/cost), which names each field and its range.
  costAssumptions: z.unknown().optional(),
});

/** A stakeholder's own criterion weights (0..5); criteria they leave out take the workshop weights. */
export interface Stakeholder {
  name: string;
  role?: string;
  weights: Record<string, number>;
}

/** A validated answers file: answers, workshop weights and stakeholders. */
export interface AnswersFile {
  format: typeof ANSWERS_FORMAT;
  version: typeof ANSWERS_VERSION;
  title?: string;
  notes?: string;
  answers: Record<string, FactorValue | null>;
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
    return [{ path: ['version'], message: `this file is ${ANSWERS_FORMAT} version ${raw.version}, newer than this build of Stratum reads; update Stratum`, found: describeFound(raw.version), allowed: String(ANSWERS_VERSION) }];
  }
  return [];
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
  const keys = COST_ASSUMPTION_INFO.map((i) => i.key);
  return read.issues.map((issue): EngineIssue => {
    const [, key] = issue.path.split('.');
    if (key === undefined) return { path: ['costAssumptions'], message: 'cost assumptions must be an object', found: describeFound(value), allowed: `an object with some of ${keys.join(', ')}` };
    const info = COST_ASSUMPTION_INFO.find((i) => i.key === key);
    if (info === undefined) {
      const suggestion = closestId(key, keys);
      return { path: ['costAssumptions', key], message: 'not a cost assumption', found: JSON.stringify(key), allowed: describeAllowed(keys), ...(suggestion ? { suggestion } : {}) };
    }
    return { path: ['costAssumptions', key], message: `value not allowed for "${key}"`, found: describeFound(asRecord(value)[key]), allowed: describeAllowedAssumption(info) };
  });
}

/** Checks ids and values against the pack, on the raw file so they are reported even when its shape is also wrong. */
function checkAgainstPack(raw: Record<string, unknown>, pack: CompiledPack): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const factorIds = pack.factors.map((f) => f.id);
  for (const [key, value] of Object.entries(asRecord(raw.answers))) {
    const index = pack.factorIndex.get(key);
    if (index === undefined) {
      const suggestion = closestId(key, factorIds);
      issues.push({ path: ['answers', key], message: 'unknown answer id', found: JSON.stringify(key), allowed: describeAllowed(factorIds, 30), ...(suggestion ? { suggestion } : {}) });
      continue;
    }
    const factor = pack.factors[index]!;
    if (value !== null && !inDomain(factor, value)) {
      const suggestion = factor.type === 'enum' && typeof value === 'string' ? closestId(value, factor.values) : undefined;
      issues.push({ path: ['answers', key], message: `value not allowed for "${key}"`, found: describeFound(value), allowed: `${describeDomain(factor)} (or null for unknown)`, ...(suggestion ? { suggestion } : {}) });
    }
  }
  checkWeights(pack, asRecord(raw.weights), ['weights'], issues);
  issues.push(...checkCostAssumptions(raw.costAssumptions));
  const names = new Map<string, number>();
  const stakeholders = Array.isArray(raw.stakeholders) ? (raw.stakeholders as unknown[]) : [];
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

function costAssumptionsOf(value: unknown): CostAssumptions {
  const read = parseCostAssumptions(value);
  // Already checked in checkAgainstPack; a failure here would be a bug.
  if (!read.ok) throw new Error(`costAssumptions passed the check but not the parse: ${read.issues[0]?.message}`);
  return read.value;
}

/** Validates a parsed `stratum.answers` file against a pack: unknown ids (with the closest known id), values outside a factor's domain, weights outside 0..5. */
export function parseAnswersFile(raw: unknown, pack: CompiledPack): EngineResult<AnswersFile> {
  const envelope = checkEnvelope(raw);
  if (envelope.length > 0) return { ok: false, issues: envelope };
  const parsed = AnswersFileSchema.safeParse(raw);
  const issues = parsed.success ? [] : fromZodIssues(parsed.error, raw);
  // Report each field once: a shape problem hides a pack problem at the same path.
  const seen = new Set(issues.map((i) => i.path.join('\u0000')));
  for (const issue of checkAgainstPack(raw as Record<string, unknown>, pack)) if (!seen.has(issue.path.join('\u0000'))) issues.push(issue);
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  const file = parsed.data;
  return {
    ok: true,
    value: {
      format: ANSWERS_FORMAT,
      version: ANSWERS_VERSION,
      ...(file.title !== undefined ? { title: file.title } : {}),
      ...(file.notes !== undefined ? { notes: file.notes } : {}),
      answers: file.answers,
      weights: file.weights ?? {},
      stakeholders: (file.stakeholders ?? []).map((s) => ({ name: s.name, ...(s.role !== undefined ? { role: s.role } : {}), weights: s.weights })),
      costAssumptions: costAssumptionsOf(file.costAssumptions),
    },
  };
}
