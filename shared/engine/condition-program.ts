import { compileCondition, encodeValue, type CompileScope, type CompiledCondition } from './compile-condition';
import type { Condition, FactorComparison } from './condition';
import type { Factor, FactorValue } from './pack-schema';
import { buildValueIndex, type ValueIndex } from './value-index';

/** Comparison kinds in a program: a bit mask over enum/boolean codes, or a numeric test. */
export const OP_MASK = 0;
export const OP_EQ = 1;
export const OP_NE = 2;
export const OP_GT = 3;
export const OP_GTE = 4;
export const OP_LT = 5;
export const OP_LTE = 6;
export const OP_IN = 7;
export const OP_NOT_IN = 8;

/**
 * Factor-only rule conditions compiled to flat tables, evaluated without a call per rule:
 * - a rule whose whole condition is one comparison goes into the value index (one lookup per factor);
 * - any other rule becomes a conjunction of clauses, each a disjunction of comparisons (negations folded
 *   in), stored as rows of literals that one loop walks with short-circuits;
 * - a condition with no such form (an `any` over conjunctions, rare) keeps its compiled closure.
 */
export interface ConditionProgram {
  /** Per program rule: its literals are ruleStart[r] ..< ruleStart[r + 1] (length rules + 1). */
  ruleStart: Int32Array;
  /** Per literal: factor index, operator (OP_*), bit mask over enum/boolean codes, numeric constant, list, clause end. */
  litFactor: Int32Array;
  litOp: Uint8Array;
  litMask: Uint32Array;
  litConst: Float64Array;
  litList: ReadonlyArray<Float64Array | undefined>;
  litEnd: Uint8Array;
  /** Closure for a rule whose condition has no clause form, else undefined. */
  fallback: ReadonlyArray<CompiledCondition | undefined>;
  /** 1 for the rules that use their closure. */
  usesClosure: Uint8Array;
  /** 1 for the rules evaluated through the value index (a single comparison). */
  indexed: Uint8Array;
  /** The other rules, in program order: the ones the clause loop (or their closure) evaluates. */
  general: Int32Array;
  valueIndex: ValueIndex;
}

type Clause = number[];

function isLiteral(node: Condition): boolean {
  return 'factor' in node || ('not' in node && 'factor' in node.not);
}

/** Kleene logic keeps De Morgan's laws and double negation, so these rewrites preserve unknowns too. */
function toClauses(node: Condition, negated: boolean, literal: (c: FactorComparison, negated: boolean) => number): Clause[] | null {
  if ('factor' in node) return [[literal(node, negated)]];
  if ('not' in node) return toClauses(node.not, !negated, literal);
  if ('decision' in node) return null;
  const conjunction = 'all' in node ? !negated : negated;
  const parts = 'all' in node ? node.all : node.any;
  if (conjunction) {
    const out: Clause[] = [];
    for (const part of parts) {
      const clauses = toClauses(part, negated, literal);
      if (!clauses) return null;
      out.push(...clauses);
    }
    return out;
  }
  // A disjunction fits one clause only when every part is a single literal.
  if (!parts.every(isLiteral)) return null;
  return [parts.map((p) => toClauses(p, negated, literal)![0]![0]!)];
}

/** The comparison (and whether it is negated) when a whole condition is one comparison under `not`s. */
function singleComparison(node: Condition, negated: boolean): { comparison: FactorComparison; negated: boolean } | null {
  if ('factor' in node) return { comparison: node, negated };
  if ('not' in node) return singleComparison(node.not, !negated);
  if (('all' in node || 'any' in node) && ('all' in node ? node.all : node.any).length === 1) return singleComparison(('all' in node ? node.all : node.any)[0]!, negated);
  return null;
}

function comparisonKey(c: FactorComparison, negated: boolean): string {
  return `${negated ? '!' : ''}${c.factor}\u0000${c.op}\u0000${JSON.stringify(c.value)}`;
}

const NEGATED_OP = { eq: OP_NE, ne: OP_EQ, gt: OP_LTE, gte: OP_LT, lt: OP_GTE, lte: OP_GT, in: OP_NOT_IN } as const;
const OP = { eq: OP_EQ, ne: OP_NE, gt: OP_GT, gte: OP_GTE, lt: OP_LT, lte: OP_LTE, in: OP_IN } as const;

function maskFor(factor: Factor, c: FactorComparison): number {
  const size = factor.type === 'enum' ? factor.values.length : 2;
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const codes = values.map((v) => encodeValue(factor, v as FactorValue));
  const k = codes[0]!;
  let mask = 0;
  for (let code = 0; code < size; code++) {
    let hit: boolean;
    switch (c.op) {
      case 'eq':
        hit = code === k;
        break;
      case 'ne':
        hit = code !== k;
        break;
      case 'in':
        hit = codes.includes(code);
        break;
      case 'gt':
        hit = code > k;
        break;
      case 'gte':
        hit = code >= k;
        break;
      case 'lt':
        hit = code < k;
        break;
      case 'lte':
        hit = code <= k;
        break;
    }
    if (hit) mask |= 1 << code;
  }
  return mask >>> 0;
}

/** Compiles the conditions of factor-only rules into one program. */
export function compileConditionProgram(conditions: readonly Condition[], scope: CompileScope): ConditionProgram {
  // Each distinct comparison once, then copied into the literal rows.
  const keys = new Map<string, number>();
  const cmpFactor: number[] = [];
  const cmpOp: number[] = [];
  const cmpConst: number[] = [];
  const cmpMask: number[] = [];
  const cmpList: Array<Float64Array | undefined> = [];
  const literal = (c: FactorComparison, negated: boolean): number => {
    const key = comparisonKey(c, negated);
    let index = keys.get(key);
    if (index === undefined) {
      index = cmpFactor.length;
      keys.set(key, index);
      const f = scope.factorIndex.get(c.factor)!;
      const factor = scope.factors[f]!;
      cmpFactor.push(f);
      if (factor.type === 'number') {
        // On a known answer, not(x > c) is x <= c and so on; unknown stays unknown either way.
        cmpOp.push(negated ? NEGATED_OP[c.op] : OP[c.op]);
        cmpConst.push(Array.isArray(c.value) ? 0 : (c.value as number));
        cmpMask.push(0);
        cmpList.push(Array.isArray(c.value) ? Float64Array.from(c.value as number[]) : undefined);
      } else {
        cmpOp.push(OP_MASK);
        cmpConst.push(0);
        const size = factor.type === 'enum' ? factor.values.length : 2;
        const mask = maskFor(factor, c);
        cmpMask.push(negated ? ~mask & ((1 << size) - 1) : mask);
        cmpList.push(undefined);
      }
    }
    return index;
  };
  const ruleStart: number[] = [0];
  const lits: number[] = [];
  const fallback: Array<CompiledCondition | undefined> = [];
  const singles: Array<{ rule: number; comparison: FactorComparison; negated: boolean }> = [];
  for (const condition of conditions) {
    const one = singleComparison(condition, false);
    if (one) singles.push({ rule: fallback.length, ...one });
    const clauses = one ? [] : toClauses(condition, false, literal);
    if (clauses) {
      for (const clause of clauses) clause.forEach((index, k) => lits.push(index * 2 + (k === clause.length - 1 ? 1 : 0)));
      fallback.push(undefined);
    } else {
      fallback.push(compileCondition(condition, scope));
    }
    ruleStart.push(lits.length);
  }
  const at = (l: number) => lits[l]! >> 1;
  return {
    litFactor: Int32Array.from(lits, (_, l) => cmpFactor[at(l)]!),
    litOp: Uint8Array.from(lits, (_, l) => cmpOp[at(l)]!),
    litMask: Uint32Array.from(lits, (_, l) => cmpMask[at(l)]!),
    litConst: Float64Array.from(lits, (_, l) => cmpConst[at(l)]!),
    litList: lits.map((_, l) => cmpList[at(l)]),
    litEnd: Uint8Array.from(lits, (lit) => lit & 1),
    ruleStart: Int32Array.from(ruleStart),
    fallback,
    usesClosure: Uint8Array.from(fallback, (f) => (f ? 1 : 0)),
    indexed: Uint8Array.from(conditions, (_, r) => (singles.some((x) => x.rule === r) ? 1 : 0)),
    general: Int32Array.from(conditions.map((_, r) => r).filter((r) => !singles.some((x) => x.rule === r))),
    valueIndex: buildValueIndex(singles, scope),
  };
}
