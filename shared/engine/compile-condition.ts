import type { Condition, DecisionComparison, FactorComparison } from './condition';
import type { Factor, FactorValue } from './pack-schema';

/** Three-valued truth as small integers: comparisons on unanswered factors are UNKNOWN. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = 0 | 1 | 2;

/**
 * A compiled condition. `values` holds each factor's encoded answer (NaN when unanswered);
 * `tops` holds each decision's option index as rules read it: the room's choice where it made one, else the
 * recommendation (-1 when none or not applicable).
 */
export type CompiledCondition = (values: Float64Array, tops: Int32Array) => Truth;

/** How the compiler finds factors and decisions by id. */
export interface CompileScope {
  factorIndex: ReadonlyMap<string, number>;
  factors: readonly Factor[];
  decisionIndex: ReadonlyMap<string, number>;
  optionIndex: (decision: number, option: string) => number;
}

/** Encodes one answer as a number: enum → its position in the declared order, boolean → 0/1. */
export function encodeValue(factor: Factor, value: FactorValue): number {
  if (factor.type === 'enum') return factor.values.indexOf(value as string);
  if (factor.type === 'boolean') return value === true ? 1 : 0;
  return value as number;
}

function compileFactor(node: FactorComparison, scope: CompileScope): CompiledCondition {
  const i = scope.factorIndex.get(node.factor)!;
  const factor = scope.factors[i]!;
  if (node.op === 'in') {
    const list = (node.value as FactorValue[]).map((v) => encodeValue(factor, v));
    if (factor.type !== 'number' && list.every((n) => n >= 0 && n < 31)) {
      let mask = 0;
      for (const n of list) mask |= 1 << n;
      return (v) => {
        const x = v[i]!;
        return x !== x ? UNKNOWN : (((mask >> x) & 1) as Truth);
      };
    }
    return (v) => {
      const x = v[i]!;
      if (x !== x) return UNKNOWN;
      for (let k = 0; k < list.length; k++) if (list[k] === x) return TRUE;
      return FALSE;
    };
  }
  const c = encodeValue(factor, node.value as FactorValue);
  // One closure per operator keeps the hot path free of a switch.
  switch (node.op) {
    case 'eq':
      return (v) => {
        const x = v[i]!;
        return x !== x ? UNKNOWN : x === c ? TRUE : FALSE;
      };
    case 'ne':
      return (v) => {
        const x = v[i]!;
        return x !== x ? UNKNOWN : x !== c ? TRUE : FALSE;
      };
    case 'gt':
      return (v) => {
        const x = v[i]!;
        return x !== x ? UNKNOWN : x > c ? TRUE : FALSE;
      };
    case 'gte':
      return (v) => {
        const x = v[i]!;
        return x !== x ? UNKNOWN : x >= c ? TRUE : FALSE;
      };
    case 'lt':
      return (v) => {
        const x = v[i]!;
        return x !== x ? UNKNOWN : x < c ? TRUE : FALSE;
      };
    case 'lte':
      return (v) => {
        const x = v[i]!;
        return x !== x ? UNKNOWN : x <= c ? TRUE : FALSE;
      };
  }
}

function compileDecision(node: DecisionComparison, scope: CompileScope): CompiledCondition {
  const d = scope.decisionIndex.get(node.decision)!;
  const list = (node.op === 'in' ? (node.value as string[]) : [node.value as string]).map((o) => scope.optionIndex(d, o));
  const negate = node.op === 'ne';
  return (_v, tops) => {
    const t = tops[d]!;
    if (t < 0) return UNKNOWN;
    const hit = list.includes(t);
    return (hit !== negate ? TRUE : FALSE) as Truth;
  };
}

function compileAll(parts: CompiledCondition[]): CompiledCondition {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [CompiledCondition, CompiledCondition];
    return (v, t) => {
      const x = a(v, t);
      if (x === FALSE) return FALSE;
      const y = b(v, t);
      if (y === FALSE) return FALSE;
      return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : TRUE;
    };
  }
  if (parts.length === 3) {
    const [a, b, c] = parts as [CompiledCondition, CompiledCondition, CompiledCondition];
    return (v, t) => {
      const x = a(v, t);
      if (x === FALSE) return FALSE;
      const y = b(v, t);
      if (y === FALSE) return FALSE;
      const z = c(v, t);
      if (z === FALSE) return FALSE;
      return x === UNKNOWN || y === UNKNOWN || z === UNKNOWN ? UNKNOWN : TRUE;
    };
  }
  const n = parts.length;
  return (v, t) => {
    let result: Truth = TRUE;
    for (let k = 0; k < n; k++) {
      const x = parts[k]!(v, t);
      if (x === FALSE) return FALSE;
      if (x === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

function compileAny(parts: CompiledCondition[]): CompiledCondition {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [CompiledCondition, CompiledCondition];
    return (v, t) => {
      const x = a(v, t);
      if (x === TRUE) return TRUE;
      const y = b(v, t);
      if (y === TRUE) return TRUE;
      return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : FALSE;
    };
  }
  const n = parts.length;
  return (v, t) => {
    let result: Truth = FALSE;
    for (let k = 0; k < n; k++) {
      const x = parts[k]!(v, t);
      if (x === TRUE) return TRUE;
      if (x === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

/** Compiles a validated condition into a closure (no eval, no new Function: the CSP stays strict). */
export function compileCondition(node: Condition, scope: CompileScope): CompiledCondition {
  if ('all' in node) return compileAll(node.all.map((c) => compileCondition(c, scope)));
  if ('any' in node) return compileAny(node.any.map((c) => compileCondition(c, scope)));
  if ('not' in node) {
    const inner = compileCondition(node.not, scope);
    return (v, t) => {
      const x = inner(v, t);
      return x === UNKNOWN ? UNKNOWN : x === TRUE ? FALSE : TRUE;
    };
  }
  if ('factor' in node) return compileFactor(node, scope);
  return compileDecision(node, scope);
}

/** Every factor a condition reads, in first-seen order. */
export function factorsRead(node: Condition): string[] {
  return idsRead(node, (leaf) => ('factor' in leaf ? leaf.factor : undefined));
}

/** The decision ids a condition reads (their room choice or recommendation), in first-read order. */
export function decisionsRead(node: Condition): string[] {
  return idsRead(node, (leaf) => ('decision' in leaf ? leaf.decision : undefined));
}

/** The ids `pick` finds in a condition's comparisons, each once, in first-read order. */
function idsRead(node: Condition, pick: (leaf: Condition) => string | undefined, into: string[] = []): string[] {
  if ('all' in node) node.all.forEach((c) => idsRead(c, pick, into));
  else if ('any' in node) node.any.forEach((c) => idsRead(c, pick, into));
  else if ('not' in node) idsRead(node.not, pick, into);
  else {
    const id = pick(node);
    if (id !== undefined && !into.includes(id)) into.push(id);
  }
  return into;
}

/** Whether a condition reads any decision (its room choice or recommendation). */
export function readsDecisions(node: Condition): boolean {
  if ('all' in node) return node.all.some(readsDecisions);
  if ('any' in node) return node.any.some(readsDecisions);
  if ('not' in node) return readsDecisions(node.not);
  return 'decision' in node;
}
