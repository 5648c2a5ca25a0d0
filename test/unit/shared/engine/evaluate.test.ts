import { describe, expect, it } from 'vitest';
import { evaluate, loadPack, type CompiledPack } from '../../../../shared/engine';
import { tinyPackJson } from './tiny-pack';

function tiny(): CompiledPack {
  const loaded = loadPack(tinyPackJson());
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

describe('evaluate', () => {
  const pack = tiny();

  it('scores options by the weighted average of their criterion scores', () => {
    const e = evaluate(pack, {}, { cost: 3, control: 1 });
    const where = e.decisions[0]!;
    // a: (3·0.8 + 1·0.2) / 4 = 0.65; b: (1.2 + 0.6) / 4 = 0.45; c: (0.3 + 0.9) / 4 = 0.3
    expect(where.ranking.map((r) => r.option)).toEqual(['a', 'b', 'c']);
    expect(where.ranking.map((r) => r.score)).toEqual([expect.closeTo(0.65, 12), expect.closeTo(0.45, 12), expect.closeTo(0.3, 12)]);
    expect(where.recommended).toBe('a');
    expect(where.margin).toBeCloseTo(0.2, 12);
    expect(where.ranking[0]!.criteria.map((c) => c.contribution)).toEqual([expect.closeTo(0.6, 12), expect.closeTo(0.05, 12)]);
  });

  it('applies fired adjustments, clamped to 0..1, and cites the rule with its rationale', () => {
    const e = evaluate(pack, { sensitivity: 'high' }, { cost: 1, control: 3 });
    const where = e.decisions[0]!;
    const c = where.ranking.find((r) => r.option === 'c')!;
    expect(c.criteria[1]).toMatchObject({ criterion: 'control', baseline: 0.9, adjustment: 0.3, score: 1 });
    expect(c.reasons).toEqual([
      { rule: 'sensitive-needs-control', consideration: 'sensitivity', criterion: 'control', by: 0.3, rationale: 'Sensitivity: sensitive data needs control.' },
    ]);
    const a = where.ranking.find((r) => r.option === 'a')!;
    expect(a.criteria[1]!.score).toBe(0);
    expect(where.recommended).toBe('c');
    expect(e.firedRules).toEqual(['sensitive-needs-control', 'how-not-needed-for-c']);
  });

  it('keeps exclusions apart from scores and ranks excluded options last', () => {
    const e = evaluate(pack, { sensitivity: 'high', users: 5000, legacy: false }, { cost: 1, control: 3 });
    const where = e.decisions[0]!;
    expect(where.excluded).toEqual([{ option: 'c', reasons: [{ rule: 'many-users-exclude-c', consideration: 'scale', reason: 'C does not scale past 1000 users.' }] }]);
    expect(where.ranking.at(-1)).toMatchObject({ option: 'c', excluded: true });
    expect(where.recommended).toBe('b');
    // With C excluded, "how" applies again.
    expect(e.decisions[1]!.applicable).toBe(true);
  });

  it('marks a decision not applicable from another decision’s recommendation, with no recommendation of its own', () => {
    const e = evaluate(pack, { sensitivity: 'high' }, { cost: 1, control: 3 });
    const how = e.decisions[1]!;
    expect(how.applicable).toBe(false);
    expect(how.notApplicableBecause).toEqual([{ rule: 'how-not-needed-for-c', consideration: 'scale', reason: 'C decides it already.' }]);
    expect(how.recommended).toBeNull();
    expect(how.flipPoints).toEqual([]);
    expect(how.robustness).toBeNull();
    expect(how.ranking).toHaveLength(2);
  });

  it('raises an option’s risk only while that option is recommended', () => {
    const costly = evaluate(pack, { sensitivity: 'high' }, { cost: 5, control: 0.1 });
    expect(costly.decisions[0]!.recommended).toBe('a');
    expect(costly.decisions[0]!.risks).toEqual([
      { rule: 'sensitive-needs-control', consideration: 'sensitivity', severity: 'high', option: 'a', message: 'A with sensitive data.', action: 'Add controls.' },
    ]);
    const controlled = evaluate(pack, { sensitivity: 'high' }, { cost: 1, control: 3 });
    expect(controlled.decisions[0]!.risks).toEqual([]);
  });

  it('raises an option’s risk while the room chose that option, whatever is recommended', () => {
    const chosenA = evaluate(pack, { sensitivity: 'high' }, { cost: 1, control: 3 }, { decided: { where: 'a' } });
    expect(chosenA.decisions[0]!.recommended).toBe('c');
    expect(chosenA.decisions[0]!.risks.map((r) => r.rule)).toEqual(['sensitive-needs-control']);
    const chosenB = evaluate(pack, { sensitivity: 'high' }, { cost: 5, control: 0.1 }, { decided: { where: 'b' } });
    expect(chosenB.decisions[0]!.recommended).toBe('a');
    expect(chosenB.decisions[0]!.risks).toEqual([]);
  });

  it('reports unanswered factors a rule about the decision needed, and fires no rule that needs them', () => {
    const e = evaluate(pack, { users: 5000 }, undefined);
    const where = e.decisions[0]!;
    // "many users" is all(users > 1000, not legacy): unknown without the legacy answer.
    expect(where.unanswered).toEqual([
      { factor: 'sensitivity', prompt: 'How sensitive?', rules: ['sensitive-needs-control'] },
      { factor: 'legacy', prompt: 'Legacy estate?', rules: ['many-users-exclude-c'] },
    ]);
    expect(where.excluded).toEqual([]);
    expect(e.unanswered).toEqual(['sensitivity', 'legacy']);
    // A false part decides an "all" even when another part is unknown.
    const small = evaluate(pack, { users: 10 }, undefined);
    expect(small.decisions[0]!.unanswered.map((u) => u.factor)).toEqual(['sensitivity']);
  });

  it('treats all-zero weights as equal weights rather than dividing by zero', () => {
    const e = evaluate(pack, {}, { cost: 0, control: 0 });
    expect(e.decisions[0]!.ranking.map((r) => r.score)).toEqual([0.5, 0.5, 0.5]);
    expect(e.decisions[0]!.recommended).toBe('a');
  });

  it('ignores answers outside a factor’s domain (validation happens when a file is read)', () => {
    const e = evaluate(pack, { sensitivity: 'secret', users: -3 }, undefined);
    expect(e.unanswered).toContain('sensitivity');
  });

  it('is byte-identical for the same input, including key order of the answers', () => {
    const a = JSON.stringify(evaluate(pack, { sensitivity: 'high', users: 10, legacy: true }, { control: 2, cost: 1 }));
    const b = JSON.stringify(evaluate(pack, { legacy: true, users: 10, sensitivity: 'high' }, { cost: 1, control: 2 }));
    expect(a).toBe(b);
  });
});

describe('flip points', () => {
  const pack = tiny();

  it('solves the exact weight where the top option changes, in both directions', () => {
    // Weights cost 3, control 1: a leads with lines a = 0.2 + 0.8x, b = 0.6 + 0.4x, c = 0.9 + 0.1x (x = cost weight).
    const where = evaluate(pack, {}, { cost: 3, control: 1 }).decisions[0]!;
    const cost = where.flipPoints.find((f) => f.criterion === 'cost')!;
    // Lowering cost: a meets b (0.2 + 0.8x = 0.6 + 0.4x) and c (= 0.9 + 0.1x) both at x = 1; just below it
    // the flatter line c is on top.
    expect(cost.lower).toEqual({ atWeight: expect.closeTo(1, 12), to: 'c', withinScale: true });
    expect(cost.raise).toBeNull();
    const control = where.flipPoints.find((f) => f.criterion === 'control')!;
    // Raising control (y): a = 2.4 + 0.2y, b = 1.2 + 0.6y → y = 3; c = 0.3 + 0.9y → y = 3 as well: at a tie the steeper c wins.
    expect(control.raise).toEqual({ atWeight: expect.closeTo(3, 12), to: 'c', withinScale: true });
    expect(control.lower).toBeNull();
  });

  it('reports flips beyond the 0..5 scale as such', () => {
    const where = evaluate(pack, {}, { cost: 5, control: 0.5 }).decisions[0]!;
    const control = where.flipPoints.find((f) => f.criterion === 'control')!;
    // a = 4 + 0.2y, c = 0.5 + 0.9y → y = 5; b = 2 + 0.6y → y = 5 too; the steeper c wins.
    expect(control.raise).toEqual({ atWeight: expect.closeTo(5, 12), to: 'c', withinScale: expect.any(Boolean) });
    const far = evaluate(pack, {}, { cost: 5, control: 0.1 }).decisions[0]!.flipPoints.find((f) => f.criterion === 'control')!;
    expect(far.raise!.withinScale).toBe(true);
    const beyond = evaluate(pack, {}, { cost: 10, control: 0.1 }).decisions[0]!.flipPoints.find((f) => f.criterion === 'control')!;
    expect(beyond.raise).toEqual({ atWeight: expect.closeTo(10, 12), to: 'c', withinScale: false });
  });

  it('ignores excluded options', () => {
    const where = evaluate(pack, { users: 5000, legacy: false }, { cost: 3, control: 1 }).decisions[0]!;
    const control = where.flipPoints.find((f) => f.criterion === 'control')!;
    expect(control.raise).toEqual({ atWeight: expect.closeTo(3, 12), to: 'b', withinScale: true });
  });

  it('gives a robustness of 1 when no perturbation of the weights, and no open question, can change the top option', () => {
    const how = evaluate(pack, { sensitivity: 'low', users: 10, legacy: false }, { cost: 3, control: 1 }).decisions[1]!;
    // x beats y on control and ties on cost: no weighting makes y win.
    expect(how.recommended).toBe('x');
    expect(how.robustness).toBe(1);
    expect(how.flipPoints.every((f) => f.raise === null && f.lower === null)).toBe(true);
  });

  it('samples the questions nobody answered: one that could make the decision not apply lowers its robustness', () => {
    // With sensitivity unanswered, "where" may become c, and then "how" does not apply.
    const open = evaluate(pack, {}, { cost: 3, control: 1 }).decisions[1]!;
    expect(open.recommended).toBe('x');
    expect(open.robustness).toBeLessThan(1);
    expect(open.robustness).toBeGreaterThan(0);
    // Seeded: the same figure every time.
    expect(evaluate(pack, {}, { cost: 3, control: 1 }).decisions[1]!.robustness).toBe(open.robustness);
  });
});
