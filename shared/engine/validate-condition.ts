import { closestId } from '../util/closest-id';
import { COMPARISON_OPS, DECISION_OPS, type Condition } from './condition';
import { describeAllowed, describeFound, type EngineIssue } from './engine-issue';
import type { JsonPath } from '../util/json-path';
import type { Decision, Factor, FactorValue } from './pack-schema';

/** What a condition may refer to. */
export interface ConditionScope {
  factors: ReadonlyMap<string, Factor>;
  decisions: ReadonlyMap<string, Decision>;
}

/** What validating a condition learned: the issues, and which decisions it reads. */
export interface ConditionCheck {
  issues: EngineIssue[];
  decisionsRead: Set<string>;
}

const FORMS = 'an object with "all", "any" or "not", or a comparison { "factor" | "decision", "op", "value" }';

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function extraKeys(node: Record<string, unknown>, allowed: string[], path: JsonPath, issues: EngineIssue[]): void {
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) {
      const suggestion = closestId(key, allowed);
      issues.push({ path: [...path, key], message: 'unknown field', found: JSON.stringify(key), allowed: describeAllowed(allowed), ...(suggestion ? { suggestion } : {}) });
    }
  }
}

/** Describes a factor's domain for "allowed: …". */
export function describeDomain(factor: Factor): string {
  if (factor.type === 'enum') return describeAllowed(factor.values, 30);
  if (factor.type === 'boolean') return 'true or false';
  const kind = factor.integer ? 'a whole number' : 'a number';
  const lo = factor.min === undefined ? '' : `${factor.exclusiveMin ? ' greater than' : ' at least'} ${factor.min}`;
  const hi = factor.max === undefined ? '' : `${lo ? ' and' : ''} at most ${factor.max}`;
  return `${kind}${lo}${hi}`;
}

/** Whether a value is inside a factor's domain. */
export function inDomain(factor: Factor, value: unknown): value is FactorValue {
  if (factor.type === 'enum') return typeof value === 'string' && factor.values.includes(value);
  if (factor.type === 'boolean') return typeof value === 'boolean';
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (factor.integer && !Number.isInteger(value)) return false;
  if (factor.min !== undefined && (factor.exclusiveMin ? value <= factor.min : value < factor.min)) return false;
  if (factor.max !== undefined && value > factor.max) return false;
  return true;
}

function checkComparisonValue(factor: Factor, op: string, value: unknown, path: JsonPath, issues: EngineIssue[]): void {
  if (factor.type === 'boolean' && op !== 'eq' && op !== 'ne') {
    issues.push({ path: [...path, 'op'], message: `operator not allowed on a true/false factor`, found: JSON.stringify(op), allowed: 'one of eq, ne' });
    return;
  }
  if (op === 'in') {
    if (!Array.isArray(value) || value.length === 0) {
      issues.push({ path: [...path, 'value'], message: '"in" needs a non-empty list', found: describeFound(value), allowed: `a list of ${describeDomain(factor)}` });
      return;
    }
    value.forEach((v, i) => {
      if (!inDomain(factor, v)) issues.push({ path: [...path, 'value', i], message: `value outside factor "${factor.id}"`, found: describeFound(v), allowed: describeDomain(factor), ...suggestFor(factor, v) });
    });
    return;
  }
  if (!inDomain(factor, value)) {
    issues.push({ path: [...path, 'value'], message: `value outside factor "${factor.id}"`, found: describeFound(value), allowed: describeDomain(factor), ...suggestFor(factor, value) });
  }
}

function suggestFor(factor: Factor, value: unknown): { suggestion?: string } {
  if (factor.type !== 'enum' || typeof value !== 'string') return {};
  const s = closestId(value, factor.values);
  return s ? { suggestion: s } : {};
}

function walk(node: unknown, path: JsonPath, scope: ConditionScope, check: ConditionCheck, depth: number): void {
  const { issues } = check;
  if (depth > 32) {
    issues.push({ path, message: 'condition nested too deeply', allowed: 'at most 32 levels' });
    return;
  }
  if (!isRecord(node)) {
    issues.push({ path, message: 'not a condition', found: describeFound(node), allowed: FORMS });
    return;
  }
  for (const group of ['all', 'any'] as const) {
    if (group in node) {
      extraKeys(node, [group], path, issues);
      const list = node[group];
      if (!Array.isArray(list) || list.length === 0) {
        issues.push({ path: [...path, group], message: `"${group}" needs a non-empty list of conditions`, found: describeFound(list), allowed: 'a non-empty list' });
        return;
      }
      list.forEach((child, i) => walk(child, [...path, group, i], scope, check, depth + 1));
      return;
    }
  }
  if ('not' in node) {
    extraKeys(node, ['not'], path, issues);
    walk(node.not, [...path, 'not'], scope, check, depth + 1);
    return;
  }
  if ('factor' in node) {
    extraKeys(node, ['factor', 'op', 'value'], path, issues);
    const id = node.factor;
    const factor = typeof id === 'string' ? scope.factors.get(id) : undefined;
    if (!factor) {
      const suggestion = typeof id === 'string' ? closestId(id, scope.factors.keys()) : undefined;
      issues.push({ path: [...path, 'factor'], message: 'unknown factor', found: describeFound(id), allowed: describeAllowed([...scope.factors.keys()], 30), ...(suggestion ? { suggestion } : {}) });
      return;
    }
    const op = node.op;
    if (typeof op !== 'string' || !(COMPARISON_OPS as readonly string[]).includes(op)) {
      issues.push({ path: [...path, 'op'], message: 'unknown operator', found: describeFound(op), allowed: describeAllowed(COMPARISON_OPS) });
      return;
    }
    checkComparisonValue(factor, op, node.value, path, issues);
    return;
  }
  if ('decision' in node) {
    extraKeys(node, ['decision', 'op', 'value'], path, issues);
    const id = node.decision;
    const decision = typeof id === 'string' ? scope.decisions.get(id) : undefined;
    if (!decision) {
      const suggestion = typeof id === 'string' ? closestId(id, scope.decisions.keys()) : undefined;
      issues.push({ path: [...path, 'decision'], message: 'unknown decision', found: describeFound(id), allowed: describeAllowed([...scope.decisions.keys()]), ...(suggestion ? { suggestion } : {}) });
      return;
    }
    check.decisionsRead.add(decision.id);
    const op = node.op;
    if (typeof op !== 'string' || !(DECISION_OPS as readonly string[]).includes(op)) {
      issues.push({ path: [...path, 'op'], message: 'operator not allowed on a decision', found: describeFound(op), allowed: describeAllowed(DECISION_OPS) });
      return;
    }
    const optionIds = decision.options.map((o) => o.id);
    const values = op === 'in' ? node.value : [node.value];
    if (!Array.isArray(values) || values.length === 0) {
      issues.push({ path: [...path, 'value'], message: '"in" needs a non-empty list', found: describeFound(node.value), allowed: `a list of ${describeAllowed(optionIds)}` });
      return;
    }
    values.forEach((v, i) => {
      if (typeof v !== 'string' || !optionIds.includes(v)) {
        const suggestion = typeof v === 'string' ? closestId(v, optionIds) : undefined;
        issues.push({ path: op === 'in' ? [...path, 'value', i] : [...path, 'value'], message: `not an option of decision "${decision.id}"`, found: describeFound(v), allowed: describeAllowed(optionIds), ...(suggestion ? { suggestion } : {}) });
      }
    });
    return;
  }
  const suggestion = closestId(Object.keys(node)[0] ?? '', ['all', 'any', 'not', 'factor', 'decision']);
  issues.push({ path, message: 'not a condition', found: describeFound(node), allowed: FORMS, ...(suggestion ? { suggestion } : {}) });
}

/** Checks a condition's shape and every reference in it; on success the input is a valid `Condition`. */
export function validateCondition(node: unknown, path: JsonPath, scope: ConditionScope): ConditionCheck & { condition?: Condition } {
  const check: ConditionCheck = { issues: [], decisionsRead: new Set() };
  walk(node, path, scope, check, 0);
  return check.issues.length === 0 ? { ...check, condition: node as Condition } : check;
}
