import { describe, expect, it } from 'vitest';
import { defaultPack, evaluate, factorInfluence, sensitivitySweep } from '../../../../shared/engine';

const pack = defaultPack();
const answers = { dataSensitivity: 'confidential', sustainedGpuUtilization: 0.5, existingOnPremCapacity: 'some' } as const;

describe('sensitivitySweep', () => {
  it('gives each option’s score along one weight, matching evaluate at every point', () => {
    const sweep = sensitivitySweep(pack, answers, { cost: 2 }, 'deployment', 'control', { steps: 11 });
    expect(sweep.weights).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(sweep.options.map((o) => o.option)).toEqual(['cloud', 'on-premises', 'hybrid']);
    sweep.weights.forEach((w, i) => {
      const e = evaluate(pack, answers, { cost: 2, control: w }, { sensitivity: false });
      for (const series of sweep.options) {
        expect(series.scores[i]).toBeCloseTo(e.decisions[0]!.ranking.find((r) => r.option === series.option)!.score, 12);
      }
    });
    const flip = evaluate(pack, answers, { cost: 2 }).decisions[0]!.flipPoints.find((f) => f.criterion === 'control');
    expect(sweep.flipPoint).toEqual(flip);
  });

  it('throws on an unknown decision or criterion (a programming error, not a user one)', () => {
    expect(() => sensitivitySweep(pack, {}, undefined, 'nope', 'cost')).toThrow(/Unknown decision/);
    expect(() => sensitivitySweep(pack, {}, undefined, 'deployment', 'nope')).toThrow(/Unknown criterion/);
  });
});

describe('factorInfluence', () => {
  it('puts the questions that could change a recommendation first', () => {
    const influence = factorInfluence(pack, {}, undefined);
    expect(influence).toHaveLength(pack.factors.length);
    const first = influence[0]!;
    expect(first.answered).toBe(false);
    expect(first.couldChange.length).toBeGreaterThan(0);
    for (let i = 1; i < influence.length; i++) expect(influence[i - 1]!.couldChange.length).toBeGreaterThanOrEqual(influence[i]!.couldChange.length);
    // Data residency can exclude public cloud (today's lead with nothing answered), so it can change the deployment.
    const residency = influence.find((f) => f.factor === 'dataResidency')!;
    expect(residency.couldChange.find((c) => c.decision === 'deployment')?.to).toEqual(['hybrid']);
  });

  it('says what an answer could still change', () => {
    const influence = factorInfluence(pack, { dataResidency: 'sovereign' }, undefined);
    const residency = influence.find((f) => f.factor === 'dataResidency')!;
    expect(residency.answered).toBe(true);
    expect(residency.maxScoreShift).toBeGreaterThan(0);
  });
});
