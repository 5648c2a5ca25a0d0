import { checkScopes } from './check-scopes';
import { closestId } from '../util/closest-id';
import { decisionRuleOrder } from './decision-rule-order';
import { describeAllowed, describeFound, jsonNestingIssue, type EngineIssue, type EngineResult } from './engine-issue';
import type { JsonPath } from '../util/json-path';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_FORMAT_VERSIONS_READ, PackSchema, type Decision, type Factor, type Pack, type Rule } from './pack-schema';
import { validateCondition } from './validate-condition';
import { fromZodIssues } from './zod-issues';

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Refuses files that are not packs, or packs of a format version this build does not read. */
function checkEnvelope(raw: unknown): EngineIssue[] {
  if (!isRecord(raw)) return [{ path: [], message: 'a rule pack must be a JSON object', found: describeFound(raw), allowed: `an object with "format": "${PACK_FORMAT}"` }];
  if (raw.format !== PACK_FORMAT) {
    return [{ path: ['format'], message: 'this is not a Stratum rule pack', found: describeFound(raw.format), allowed: JSON.stringify(PACK_FORMAT) }];
  }
  if (typeof raw.version === 'number' && raw.version > PACK_FORMAT_VERSION) {
    return [{ path: ['version'], message: `this pack is written in pack format version ${raw.version}, newer than this build of Stratum reads; update Stratum`, found: describeFound(raw.version), allowed: `${PACK_FORMAT_VERSIONS_READ.slice(0, -1).join(', ')} or ${PACK_FORMAT_VERSIONS_READ.at(-1)}` }];
  }
  // What a format adds is written in that format, so an earlier Stratum says "update" rather than "unknown field".
  if (raw.author !== undefined && typeof raw.version === 'number' && raw.version < 3) {
    return [{ path: ['version'], message: 'a pack that names its "author" is written in pack format version 3 (or leave the author out)', found: describeFound(raw.version), allowed: '3' }];
  }
  return [];
}

function checkUnique(items: ReadonlyArray<{ id: string }>, path: JsonPath, what: string, issues: EngineIssue[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      issues.push({ path: [...path, i, 'id'], message: `duplicate ${what} id (first used at index ${first})`, found: JSON.stringify(item.id), allowed: `an id not used by another ${what}` });
    } else seen.set(item.id, i);
  });
}

function unknownRef(path: JsonPath, what: string, found: string, known: string[]): EngineIssue {
  const suggestion = closestId(found, known);
  return { path, message: `unknown ${what}`, found: describeFound(found), allowed: describeAllowed(known, 30), ...(suggestion ? { suggestion } : {}) };
}

function checkFactor(factor: Factor, path: JsonPath, issues: EngineIssue[]): void {
  if (factor.type === 'enum') {
    const seen = new Set<string>();
    factor.values.forEach((v, i) => {
      if (seen.has(v)) issues.push({ path: [...path, 'values', i], message: 'duplicate value', found: JSON.stringify(v), allowed: 'each value once' });
      seen.add(v);
    });
  }
  if (factor.type === 'number' && factor.min !== undefined && factor.max !== undefined && factor.min > factor.max) {
    issues.push({ path: [...path, 'max'], message: 'max is below min', found: String(factor.max), allowed: `a number at least ${factor.min}` });
  }
}

function checkDecision(decision: Decision, path: JsonPath, criteria: string[], issues: EngineIssue[]): void {
  checkUnique(decision.options, [...path, 'options'], 'option', issues);
  decision.options.forEach((option, i) => {
    const bpath = [...path, 'options', i, 'baseline'];
    // A missing baseline is allowed only on a decision derived from the use cases (checkScopes says which).
    if (option.baseline === undefined) return;
    const baseline = option.baseline;
    for (const key of Object.keys(baseline)) {
      if (!criteria.includes(key)) issues.push(unknownRef([...bpath, key], 'criterion', key, criteria));
    }
    for (const c of criteria) {
      if (!(c in baseline)) issues.push({ path: bpath, message: `baseline is missing criterion "${c}"`, found: describeFound(Object.keys(baseline)), allowed: `a score 0..1 for every criterion: ${criteria.join(', ')}` });
    }
  });
}

/** Checks every rule; returns, per rule, the decisions its condition reads. */
function checkRules(pack: Pack, raw: ReadonlyArray<{ when: unknown }>, issues: EngineIssue[]): Array<ReadonlySet<string>> {
  const reads: Array<ReadonlySet<string>> = [];
  const factors = new Map(pack.factors.map((f) => [f.id, f]));
  const decisions = new Map(pack.decisions.map((d) => [d.id, d]));
  const decisionIds = [...decisions.keys()];
  const criteria = pack.criteria.map((c) => c.id);
  const considerations = pack.considerations.map((c) => c.id);
  pack.rules.forEach((rule, r) => {
    const rpath: JsonPath = ['rules', r];
    if (!considerations.includes(rule.consideration)) issues.push(unknownRef([...rpath, 'consideration'], 'consideration', rule.consideration, considerations));
    const check = validateCondition(raw[r]?.when, [...rpath, 'when'], { factors, decisions });
    issues.push(...check.issues);
    rule.effects.forEach((effect, e) => {
      const epath: JsonPath = [...rpath, 'effects', e];
      const decision = decisions.get(effect.decision);
      if (!decision) {
        issues.push(unknownRef([...epath, 'decision'], 'decision', effect.decision, decisionIds));
        return;
      }
      const optionIds = decision.options.map((o) => o.id);
      if ((effect.type === 'adjust' || effect.type === 'exclude' || effect.type === 'risk') && effect.option !== undefined && !optionIds.includes(effect.option)) {
        issues.push(unknownRef([...epath, 'option'], `option of decision "${decision.id}"`, effect.option, optionIds));
      }
      if (effect.type === 'adjust' && !criteria.includes(effect.criterion)) issues.push(unknownRef([...epath, 'criterion'], 'criterion', effect.criterion, criteria));
      // Scores must stay linear in the weights (flip points are solved exactly), so only risks and
      // applicability may depend on another decision's recommendation.
      if (check.decisionsRead.size > 0 && (effect.type === 'adjust' || effect.type === 'exclude')) {
        issues.push({ path: [...epath, 'type'], message: 'a rule whose condition reads a decision may only raise risks or mark decisions not applicable', found: JSON.stringify(effect.type), allowed: 'one of risk, not-applicable' });
      }
      if (effect.type === 'not-applicable' && check.decisionsRead.has(effect.decision)) {
        issues.push({ path: [...epath, 'decision'], message: 'a decision cannot be made not applicable by its own recommendation', found: JSON.stringify(effect.decision), allowed: 'another decision than the ones the condition reads' });
      }
    });
    reads.push(check.decisionsRead);
  });
  checkDecisionRuleCircles(pack, reads, issues);
  return reads;
}

/**
 * Rules that read decisions run in an order where a rule that can make a decision not applicable comes before
 * the rules reading that decision (decisionRuleOrder). That order exists only when no such rules depend on
 * each other in a circle: refuse one, naming the rules in it.
 */
function checkDecisionRuleCircles(pack: Pack, reads: ReadonlyArray<ReadonlySet<string>>, issues: EngineIssue[]): void {
  const reading = pack.rules.flatMap((rule, r) => (reads[r]!.size > 0 ? [r] : []));
  const { circle } = decisionRuleOrder(
    reading.map((r) => ({ reads: reads[r]!, marks: new Set(pack.rules[r]!.effects.flatMap((e) => (e.type === 'not-applicable' ? [e.decision] : []))) })),
  );
  if (!circle) return;
  const rules = circle.map((i) => reading[i]!);
  issues.push({
    path: ['rules', rules[0]!, 'when'],
    message: 'rules that read decisions may not depend on each other in a circle (each can make not applicable a decision the next one reads)',
    found: rules.map((r) => JSON.stringify(pack.rules[r]!.id)).join(' → '),
    allowed: 'rules that can be put in an order where each decision is made not applicable before any rule reads it',
  });
}

/** Checks every consistency check: unique ids, and a condition on factors only (answers disagree, not recommendations). */
function checkConsistencyChecks(pack: Pack, raw: ReadonlyArray<{ when: unknown }>, issues: EngineIssue[]): void {
  const checks = pack.checks ?? [];
  checkUnique(checks, ['checks'], 'check', issues);
  const factors = new Map(pack.factors.map((f) => [f.id, f]));
  const decisions = new Map(pack.decisions.map((d) => [d.id, d]));
  checks.forEach((_, i) => {
    const check = validateCondition(raw[i]?.when, ['checks', i, 'when'], { factors, decisions });
    issues.push(...check.issues);
    if (check.issues.length === 0 && check.decisionsRead.size > 0) {
      issues.push({ path: ['checks', i, 'when'], message: 'a consistency check compares answers, not recommendations', found: describeFound([...check.decisionsRead]), allowed: 'a condition on factors' });
    }
  });
}

function checkExpectations(pack: Pack, issues: EngineIssue[]): void {
  const expectations = pack.expectations?.monotonic ?? [];
  checkUnique(expectations, ['expectations', 'monotonic'], 'expectation', issues);
  const factorIds = pack.factors.map((f) => f.id);
  expectations.forEach((x, i) => {
    const path: JsonPath = ['expectations', 'monotonic', i];
    if (!factorIds.includes(x.raising)) issues.push(unknownRef([...path, 'raising'], 'factor', x.raising, factorIds));
    const decision = pack.decisions.find((d) => d.id === x.decision);
    if (!decision) {
      issues.push(unknownRef([...path, 'decision'], 'decision', x.decision, pack.decisions.map((d) => d.id)));
      return;
    }
    const optionIds = decision.options.map((o) => o.id);
    if (!optionIds.includes(x.neverFavours)) issues.push(unknownRef([...path, 'neverFavours'], `option of decision "${decision.id}"`, x.neverFavours, optionIds));
    if (!optionIds.includes(x.over)) issues.push(unknownRef([...path, 'over'], `option of decision "${decision.id}"`, x.over, optionIds));
    if (x.over === x.neverFavours) issues.push({ path: [...path, 'over'], message: 'an option compared with itself', found: JSON.stringify(x.over), allowed: `another option of "${decision.id}"` });
  });
}

/** Validates a parsed JSON value as a rule pack: shape, then every cross-reference, each problem with its JSON path. */
export function parsePack(raw: unknown): EngineResult<Pack> {
  const tooDeep = jsonNestingIssue(raw);
  if (tooDeep) return { ok: false, issues: [tooDeep] };
  const envelope = checkEnvelope(raw);
  if (envelope.length > 0) return { ok: false, issues: envelope };
  const parsed = PackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error, raw) };
  const pack = parsed.data as unknown as Pack;
  const issues: EngineIssue[] = [];
  checkUnique(pack.considerations, ['considerations'], 'consideration', issues);
  checkUnique(pack.factors, ['factors'], 'factor', issues);
  checkUnique(pack.criteria, ['criteria'], 'criterion', issues);
  checkUnique(pack.decisions, ['decisions'], 'decision', issues);
  checkUnique(pack.rules, ['rules'], 'rule', issues);
  pack.factors.forEach((f, i) => checkFactor(f, ['factors', i], issues));
  checkUnique(pack.groups ?? [], ['groups'], 'group', issues);
  const groupIds = (pack.groups ?? []).map((g) => g.id);
  pack.factors.forEach((f, i) => {
    if (f.group !== undefined && !groupIds.includes(f.group)) issues.push(unknownRef(['factors', i, 'group'], 'group', f.group, groupIds));
  });
  const criteria = pack.criteria.map((c) => c.id);
  pack.decisions.forEach((d, i) => checkDecision(d, ['decisions', i], criteria, issues));
  const reads = checkRules(pack, (raw as { rules: Array<{ when: unknown }> }).rules, issues);
  checkExpectations(pack, issues);
  checkConsistencyChecks(pack, (raw as { checks?: Array<{ when: unknown }> }).checks ?? [], issues);
  // Scope checks read conditions as compiled ones: only once every condition is known to be well formed.
  if (issues.length === 0) checkScopes(pack, reads, issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: pack as Pack & { rules: Rule[] } };
}

