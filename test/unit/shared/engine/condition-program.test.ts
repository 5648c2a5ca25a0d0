// The flat condition tables must agree with the plain compiled closures on every rule, in three-valued logic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPack, loadPack, type CompiledPack } from '../../../../shared/engine';
import { encodeAnswers } from '../../../../shared/engine/answers';
import { createRuleState, runFactorRules } from '../../../../shared/engine/rule-state';
import { syntheticPackJson } from '../../../bench/synthetic-pack';
import { answersArb } from './arbitraries';
import { tinyPackJson } from './tiny-pack';

function shapesPack(): CompiledPack {
  const pack = tinyPackJson() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const s = (value: string) => ({ factor: 'sensitivity', op: 'eq', value });
  const u = (op: string, value: unknown) => ({ factor: 'users', op, value });
  const legacy = { factor: 'legacy', op: 'eq', value: true };
  const shapes = [
    { any: [{ all: [s('high'), u('gt', 10)] }, legacy] }, // no clause form: uses its closure
    { not: { any: [s('high'), legacy] } },
    { not: { all: [s('low'), u('lte', 5)] } },
    { not: { not: u('in', [1, 2, 3]) } },
    { not: u('in', [1, 2, 3]) },
    { all: [{ any: [s('low'), { not: legacy }] }, { not: u('ne', 7) }] },
    { any: [{ not: { all: [s('high'), legacy] } }, u('gte', 100)] },
  ];
  shapes.forEach((when, i) =>
    pack.rules.push({ id: `shape-${i}`, consideration: 'scale', rationale: 'Scale: shape test.', when, effects: [{ type: 'adjust', decision: 'how', option: 'x', criterion: 'cost', by: 0.01 }] }),
  );
  const loaded = loadPack(pack);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

function agree(pack: CompiledPack) {
  const state = createRuleState(pack);
  return fc.property(answersArb(pack), (answers) => {
    encodeAnswers(pack, answers, state.values);
    runFactorRules(pack, state);
    for (const rule of pack.factorRules) expect(state.status[rule.index], rule.id).toBe(rule.condition(state.values, state.tops));
  });
}

describe('condition program', () => {
  it('agrees with the closures on nested all / any / not, negated ranges and lists', () => {
    const pack = shapesPack();
    expect(pack.program.usesClosure.some((x) => x === 1)).toBe(true);
    fc.assert(agree(pack), { numRuns: 500 });
  });

  it('agrees with the closures on the default pack (single comparisons go through the value index)', () => {
    const pack = defaultPack();
    // Most of its rules are one comparison; the few with two go through the clause tables.
    expect(pack.program.indexed.filter((x) => x === 1).length).toBeGreaterThan(pack.program.indexed.length * 0.9);
    fc.assert(agree(pack), { numRuns: 500 });
  });

  it('agrees with the closures on the synthetic benchmark pack', () => {
    const loaded = loadPack(syntheticPackJson());
    if (!loaded.ok) throw new Error('synthetic pack invalid');
    fc.assert(agree(loaded.value), { numRuns: 300 });
  });
});
