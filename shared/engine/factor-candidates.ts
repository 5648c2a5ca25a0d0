import type { Condition } from './condition';
import type { CompiledPack } from './compiled-pack';
import type { FactorValue } from './pack-schema';
import { inDomain } from './validate-condition';

const cache = new WeakMap<CompiledPack, FactorValue[][]>();

function collectThresholds(node: Condition, into: Map<string, number[]>): void {
  if ('all' in node) node.all.forEach((c) => collectThresholds(c, into));
  else if ('any' in node) node.any.forEach((c) => collectThresholds(c, into));
  else if ('not' in node) collectThresholds(node.not, into);
  else if ('factor' in node) {
    const values = Array.isArray(node.value) ? node.value : [node.value];
    const list = into.get(node.factor) ?? [];
    for (const v of values) if (typeof v === 'number') list.push(v);
    into.set(node.factor, list);
  }
}

/**
 * Values of each factor that reach every distinct outcome of the pack's rules: every enum value, both
 * booleans, and for numbers each threshold a rule compares with, a hair either side of it, and the bounds.
 */
export function factorCandidates(pack: CompiledPack): FactorValue[][] {
  const cached = cache.get(pack);
  if (cached) return cached;
  const thresholds = new Map<string, number[]>();
  for (const rule of pack.pack.rules) collectThresholds(rule.when, thresholds);
  const out = pack.factors.map((factor): FactorValue[] => {
    if (factor.type === 'enum') return [...factor.values];
    if (factor.type === 'boolean') return [false, true];
    const points = new Set<number>();
    for (const t of thresholds.get(factor.id) ?? []) {
      const step = factor.integer ? 1 : Math.max(Math.abs(t) * 1e-6, 1e-9);
      points.add(t - step);
      points.add(t);
      points.add(t + step);
    }
    if (factor.min !== undefined) points.add(factor.exclusiveMin ? factor.min + (factor.integer ? 1 : 1e-9) : factor.min);
    if (factor.max !== undefined) points.add(factor.max);
    return [...points].filter((v) => inDomain(factor, v)).sort((a, b) => a - b);
  });
  cache.set(pack, out);
  return out;
}
