import { describe, expect, it } from 'vitest';
import { defaultPack, evaluate, geometricMeanWeights, kendallW, stakeholderRankings } from '../../../../shared/engine';

const pack = defaultPack();

describe('stakeholder aggregation', () => {
  it('takes the geometric mean of the weights per criterion', () => {
    const mean = geometricMeanWeights([Float64Array.of(1, 4, 0), Float64Array.of(4, 4, 5)], 3);
    expect(Array.from(mean)).toEqual([2, 4, 0]);
    expect(Array.from(geometricMeanWeights([], 2))).toEqual([0, 0]);
  });

  it('measures agreement with Kendall’s W: 1 for identical rankings, 0 for opposite ones', () => {
    expect(kendallW([
      [1, 2, 3],
      [1, 2, 3],
    ])).toBe(1);
    expect(kendallW([
      [1, 2, 3],
      [3, 2, 1],
    ])).toBe(0);
    expect(kendallW([[1, 2]])).toBe(1);
  });

  it('ranks per stakeholder, for the group by the geometric mean, and scores agreement', () => {
    const answers = { dataSensitivity: 'regulated', existingOnPremCapacity: 'significant', sustainedGpuUtilization: 0.5 } as const;
    const analysis = stakeholderRankings(pack, answers, [
      { name: 'CISO', role: 'CISO', weights: { control: 5, compliance: 5, cost: 1, agility: 1 } },
      { name: 'CTO', weights: { agility: 5, operability: 5, control: 1, compliance: 2 } },
    ]);
    expect(analysis.stakeholders.map((s) => s.name)).toEqual(['CISO', 'CTO']);
    expect(analysis.stakeholders[1]!.role).toBeNull();
    const control = analysis.groupWeights.find((w) => w.criterion === 'control')!;
    expect(control.weight).toBeCloseTo(Math.sqrt(5 * 1), 12);
    // The group ranking is what evaluate gives with the group weights.
    const group = evaluate(pack, answers, Object.fromEntries(analysis.groupWeights.map((w) => [w.criterion, w.weight])), { sensitivity: false });
    expect(analysis.group.map((g) => g.recommended)).toEqual(group.decisions.map((d) => d.recommended));
    const ciso = evaluate(pack, answers, analysis.stakeholders[0]!.weights.reduce((m, w) => ({ ...m, [w.criterion]: w.weight }), {}), { sensitivity: false });
    expect(analysis.stakeholders[0]!.decisions.map((d) => d.ranking)).toEqual(ciso.decisions.map((d) => d.ranking.map((r) => r.option)));
    expect(analysis.agreement.index).toBeGreaterThanOrEqual(0);
    expect(analysis.agreement.index).toBeLessThanOrEqual(1);
    const spread = analysis.agreement.criteria.find((c) => c.criterion === 'agility')!;
    expect(spread).toEqual({ criterion: 'agility', min: 1, max: 5, spread: 4 });
  });

  it('agrees fully when everyone weighs the same', () => {
    const same = { cost: 3, control: 4 };
    const analysis = stakeholderRankings(pack, {}, [
      { name: 'A', weights: same },
      { name: 'B', weights: same },
    ]);
    expect(analysis.agreement.index).toBe(1);
    expect(analysis.agreement.decisions.every((d) => d.kendallW === 1 && d.topShare === 1)).toBe(true);
  });

  it('lets criteria a stakeholder leaves out take the workshop weights', () => {
    const analysis = stakeholderRankings(pack, {}, [{ name: 'A', weights: { cost: 5 } }], { control: 1 });
    const weights = Object.fromEntries(analysis.stakeholders[0]!.weights.map((w) => [w.criterion, w.weight]));
    expect(weights.cost).toBe(5);
    expect(weights.control).toBe(1);
    expect(weights.compliance).toBe(4);
  });
});
