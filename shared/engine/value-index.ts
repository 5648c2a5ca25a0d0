import type { CompileScope } from './compile-condition';
import { encodeValue } from './compile-condition';
import type { FactorComparison } from './condition';
import type { FactorValue } from './pack-schema';

/**
 * Rules whose whole condition is one comparison, indexed by answer: for each factor, the answer's
 * "cell" (an enum or boolean code, or for numbers the interval between the constants rules compare
 * with) lists the rules that hold there. Evaluating them costs one lookup per factor plus the rules
 * that fire, however many rules the pack has (the alpha memory of a Rete network, without the network).
 */
export interface ValueIndex {
  /** Factors with at least one indexed rule. */
  factors: Int32Array;
  /** Per entry of `factors`: sorted distinct constants for a number factor (empty for enums and booleans). */
  thresholds: readonly Float64Array[];
  /** Per entry of `factors`: all its indexed rules (program rule indexes), marked unknown when unanswered. */
  rulesOf: readonly Int32Array[];
  /** Per entry of `factors`, per cell: the program rule indexes that hold, in program order. */
  holding: ReadonlyArray<readonly Int32Array[]>;
}

/** Whether a comparison holds for a known, encoded answer x. */
function holds(c: FactorComparison, x: number, encode: (v: FactorValue) => number): boolean {
  const values = Array.isArray(c.value) ? c.value.map(encode) : [encode(c.value as FactorValue)];
  const k = values[0]!;
  switch (c.op) {
    case 'eq':
      return x === k;
    case 'ne':
      return x !== k;
    case 'in':
      return values.includes(x);
    case 'gt':
      return x > k;
    case 'gte':
      return x >= k;
    case 'lt':
      return x < k;
    case 'lte':
      return x <= k;
  }
}

/** A representative answer of each cell of a number factor with these sorted constants. */
function representatives(thresholds: readonly number[]): number[] {
  if (thresholds.length === 0) return [0];
  const out: number[] = [thresholds[0]! - 1];
  thresholds.forEach((t, i) => {
    out.push(t);
    const next = thresholds[i + 1];
    out.push(next === undefined ? t + 1 : (t + next) / 2);
  });
  return out;
}

/** Index of the cell holding x among sorted constants: 2i + 1 is exactly constant i, even cells lie between. */
export function numberCell(thresholds: Float64Array, x: number): number {
  let cell = 0;
  for (let i = 0; i < thresholds.length; i++) {
    const t = thresholds[i]!;
    if (x > t) cell += 2;
    else {
      if (x === t) cell += 1;
      break;
    }
  }
  return cell;
}

/** Builds the index for the program rules whose condition is a single (possibly negated) comparison. */
export function buildValueIndex(singles: ReadonlyArray<{ rule: number; comparison: FactorComparison; negated: boolean }>, scope: CompileScope): ValueIndex {
  const byFactor = new Map<number, Array<{ rule: number; comparison: FactorComparison; negated: boolean }>>();
  for (const s of singles) {
    const f = scope.factorIndex.get(s.comparison.factor)!;
    const list = byFactor.get(f) ?? [];
    list.push(s);
    byFactor.set(f, list);
  }
  const factors = [...byFactor.keys()].sort((a, b) => a - b);
  const thresholds: Float64Array[] = [];
  const rulesOf: Int32Array[] = [];
  const holding: Int32Array[][] = [];
  for (const f of factors) {
    const factor = scope.factors[f]!;
    const encode = (v: FactorValue) => encodeValue(factor, v);
    const entries = byFactor.get(f)!;
    let cells: number[];
    let sorted: number[] = [];
    if (factor.type === 'number') {
      const constants = new Set<number>();
      for (const e of entries) for (const v of Array.isArray(e.comparison.value) ? e.comparison.value : [e.comparison.value]) constants.add(v as number);
      sorted = [...constants].sort((a, b) => a - b);
      cells = representatives(sorted);
    } else {
      const size = factor.type === 'enum' ? factor.values.length : 2;
      cells = Array.from({ length: size }, (_, i) => i);
    }
    thresholds.push(Float64Array.from(sorted));
    rulesOf.push(Int32Array.from(entries.map((e) => e.rule)));
    holding.push(cells.map((x) => Int32Array.from(entries.filter((e) => holds(e.comparison, x, encode) !== e.negated).map((e) => e.rule))));
  }
  return { factors: Int32Array.from(factors), thresholds, rulesOf, holding };
}
