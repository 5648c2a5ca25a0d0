import { describe, expect, it } from 'vitest';
import { defaultPack, evaluate, factorInfluence, SCOPE_ORGANISATION, SCOPE_USE_CASE, sensitivitySweep, type Roadmap } from '../../../../shared/engine';

const pack = defaultPack();
/** A two-use-case roadmap whose deployment is derived from where each use case is served. */
const roadmap: Roadmap = {
  answers: { opsExpertise: 'medium', existingOnPremCapacity: 'some' },
  useCases: [
    { id: 'chat', name: 'Support chat', answers: { task: 'language-generation', usage: 'interactive', dataSensitivity: 'internal', requestsPerMonthInProduction: 200_000 } },
    { id: 'claims', name: 'Claims triage', answers: { task: 'tabular-prediction', usage: 'batch', dataSensitivity: 'confidential' } },
  ],
};
const weights = { cost: 2 };

function decisionOf(w: Record<string, number>, id: string) {
  return evaluate(pack, roadmap, w, { sensitivity: false }).decisions.find((d) => d.id === id)!;
}

describe('sensitivitySweep', () => {
  it('gives each option’s score along one weight for a decision derived from the use cases, matching evaluate at every point', () => {
    const sweep = sensitivitySweep(pack, roadmap, weights, 'deployment', 'control', { steps: 11 });
    expect(sweep.weights).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(sweep.options.map((o) => o.option)).toEqual(['cloud', 'on-premises', 'hybrid']);
    sweep.weights.forEach((w, i) => {
      const d = decisionOf({ ...weights, control: w }, 'deployment');
      for (const series of sweep.options) {
        const row = d.ranking.find((r) => r.option === series.option)!;
        if (row.excluded) expect(series.scores[i]).toBeNull();
        else expect(series.scores[i]).toBeCloseTo(row.score, 12);
      }
    });
    // All on premises is out of reach while control weighs little (the chat stays in the cloud): a gap, not a zero.
    const onPrem = sweep.options.find((o) => o.option === 'on-premises')!;
    expect(onPrem.scores[0]).toBeNull();
    expect(onPrem.scores[10]).not.toBeNull();
    const flip = evaluate(pack, roadmap, weights).decisions.find((d) => d.id === 'deployment')!.flipPoints.find((f) => f.criterion === 'control');
    expect(sweep.flipPoint).toEqual(flip);
    expect(sweep.flipPoint?.raise?.to).toBe('on-premises');
    // The sweep crosses the flip point where the flip point says it does.
    const at = sweep.flipPoint!.raise!.atWeight;
    expect(decisionOf({ ...weights, control: at - 0.01 }, 'deployment').recommended).toBe('cloud');
    expect(decisionOf({ ...weights, control: at + 0.01 }, 'deployment').recommended).toBe('on-premises');
  });

  it('sweeps an organisation decision scored from the organisation’s answers the same way', () => {
    const sweep = sensitivitySweep(pack, roadmap, weights, 'infrastructure-model', 'agility', { steps: 6 });
    sweep.weights.forEach((w, i) => {
      const d = decisionOf({ ...weights, agility: w }, 'infrastructure-model');
      for (const series of sweep.options) expect(series.scores[i]).toBeCloseTo(d.ranking.find((r) => r.option === series.option)!.score, 12);
    });
    expect(sweep.flipPoint).toEqual(evaluate(pack, roadmap, weights).decisions.find((d) => d.id === 'infrastructure-model')!.flipPoints.find((f) => f.criterion === 'agility'));
  });

  it('throws on an unknown decision or criterion (a programming error, not a user one)', () => {
    expect(() => sensitivitySweep(pack, {}, undefined, 'nope', 'cost')).toThrow(/Unknown decision/);
    expect(() => sensitivitySweep(pack, {}, undefined, 'deployment', 'nope')).toThrow(/Unknown criterion/);
  });
});

describe('factorInfluence', () => {
  const blank: Roadmap = { answers: {}, useCases: roadmap.useCases.map((u) => ({ ...u, answers: {} })) };
  const useCaseFactors = pack.factors.filter((f) => pack.factorScopes[pack.factorIndex.get(f.id)!] === SCOPE_USE_CASE);

  it('asks each use-case question once per use case and each organisation question once, those that could change a recommendation first', () => {
    const influence = factorInfluence(pack, blank, undefined);
    // A factor the pack works out from the use cases' answers (roadmapDataSensitivity) is not a question.
    expect(pack.aggregates.length).toBeGreaterThan(0);
    expect(influence).toHaveLength(pack.factors.length - pack.aggregates.length + useCaseFactors.length * (blank.useCases.length - 1));
    expect(influence.some((i) => i.factor === 'roadmapDataSensitivity')).toBe(false);
    for (const f of useCaseFactors) expect(influence.filter((i) => i.factor === f.id).map((i) => i.useCase).sort()).toEqual(['chat', 'claims']);
    expect(influence.filter((i) => i.factor === 'airGapped').map((i) => i.useCase)).toEqual([undefined]);
    expect(influence[0]!.answered).toBe(false);
    expect(influence[0]!.couldChange.length).toBeGreaterThan(0);
    for (let i = 1; i < influence.length; i++) expect(influence[i - 1]!.couldChange.length).toBeGreaterThanOrEqual(influence[i]!.couldChange.length);
  });

  it('names the use case whose decision an answer could change, and the organisation decisions that follow from it', () => {
    const influence = factorInfluence(pack, blank, undefined);
    // A residency rule can keep the chat's data out of the public cloud: its serving moves, and so can the deployment.
    const residency = influence.find((f) => f.factor === 'dataResidency' && f.useCase === 'chat')!;
    expect(residency.couldChange).toContainEqual({ decision: 'serving-placement', to: ['on-premises'], useCase: 'chat' });
    expect(residency.couldChange.some((c) => c.decision === 'deployment' && c.useCase === undefined)).toBe(true);
    // An organisation question changes no single use case's own decision without naming it.
    for (const f of influence.filter((i) => i.useCase === undefined)) for (const c of f.couldChange) expect(pack.decisionScopes[pack.decisionIndex.get(c.decision)!]).toBe(SCOPE_ORGANISATION);
  });

  it('says what an answer could still change', () => {
    const answered: Roadmap = { ...blank, useCases: blank.useCases.map((u, i) => (i === 0 ? { ...u, answers: { dataResidency: 'sovereign' } } : u)) };
    const residency = factorInfluence(pack, answered, undefined).find((f) => f.factor === 'dataResidency' && f.useCase === 'chat')!;
    expect(residency.answered).toBe(true);
    expect(residency.maxScoreShift).toBeGreaterThan(0);
  });
});
