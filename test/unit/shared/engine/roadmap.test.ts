// The organisation's decisions drawn from the use cases: how a portfolio scores each option, what it cannot place
// and why, and what it asks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPack, evaluate, parseAnswersFile, type Evaluation, type Roadmap } from '../../../../shared/engine';
import { prepareRoadmap } from '../../../../shared/engine/evaluate';
import { answerWorlds, openQuestions } from '../../../../shared/engine/roadmap/answer-worlds';

const pack = defaultPack();
const ROADMAP: Roadmap = {
  answers: { opsExpertise: 'medium', existingOnPremCapacity: 'some' },
  useCases: [
    { id: 'chat', name: 'Support chat', answers: { task: 'language-generation', usage: 'interactive', dataSensitivity: 'internal', customizationNeed: 'low' } },
    { id: 'fraud', name: 'Fraud scoring', answers: { task: 'tabular-prediction', usage: 'interactive', dataSensitivity: 'regulated', dataResidency: 'sovereign', latencyP95Ms: 30, monthlyTrainingGpuHours: 100 } },
    { id: 'forecast', name: 'Forecast', answers: { task: 'tabular-prediction', usage: 'batch', dataSensitivity: 'internal', monthlyTrainingGpuHours: 50 } },
  ],
};
const e = evaluate(pack, ROADMAP, {});
const decision = (ev: Evaluation, id: string) => ev.decisions.find((d) => d.id === id)!;
const own = (ev: Evaluation, useCase: string, id: string) => ev.useCases.find((u) => u.id === useCase)!.decisions.find((d) => d.id === id)!;

describe('an organisation decision drawn from the use cases', () => {
  it('is hybrid when the use cases are served in different places, and cannot be all-cloud or all-on-premises, naming who stands in the way', () => {
    const deployment = decision(e, 'deployment');
    expect(deployment.recommended).toBe('hybrid');
    const excluded = Object.fromEntries(deployment.excluded.map((x) => [x.option, x.reasons.map((r) => r.useCase)]));
    // Sovereign fraud data keeps the estate out of an all-cloud deployment; the chat on a hosted API keeps it off all-on-premises.
    expect(new Set(excluded['cloud'])).toEqual(new Set(['fraud']));
    expect(excluded['on-premises']).toEqual(['chat']);
    expect(deployment.portfolio!.useCases.map((r) => [r.useCase, r.parts.find((p) => p.decision === 'serving-placement')!.option])).toEqual([
      ['chat', 'cloud'],
      ['fraud', 'on-premises'],
      ['forecast', 'cloud'],
    ]);
    // A use case on a provider's API has no serving placement of its own: it counts as the provider's cloud.
    expect(deployment.portfolio!.useCases[0]!.parts.find((p) => p.decision === 'serving-placement')!.source).toBe('implied');
  });

  it('scores the hybrid as the mean of where each use case lands, less the price of running two estates', () => {
    // With every weight equal, an option's score is the plain mean of its criterion scores.
    const equal = evaluate(pack, ROADMAP, Object.fromEntries(pack.criteria.map((c) => [c.id, 1])), { sensitivity: false });
    const hybrid = decision(equal, 'deployment').ranking.find((r) => r.option === 'hybrid')!;
    // Each use case counts once: its placed parts (serving, training) share its weight.
    const landed = (useCase: string, part: string) => {
      const row = decision(equal, 'deployment').portfolio!.useCases.find((r) => r.useCase === useCase)!;
      const option = row.parts.find((p) => p.decision === part)!.option;
      return option === null ? null : own(equal, useCase, part).ranking.find((r) => r.option === option)!;
    };
    const perCriterion = pack.criteria.map((c) => {
      const perUseCase = ROADMAP.useCases.map((u) => {
        // The chat trains nothing: only its serving is placed.
        const parts = ['serving-placement', 'training-placement'].map((p) => landed(u.id, p)).filter((r) => r !== null);
        return parts.reduce((sum, r) => sum + r!.criteria.find((x) => x.criterion === c.id)!.score, 0) / parts.length;
      });
      const mean = perUseCase.reduce((a, b) => a + b, 0) / perUseCase.length;
      // The mix's penalty from the pack: operability −0.1, compliance −0.03.
      const penalty = c.id === 'operability' ? -0.1 : c.id === 'compliance' ? -0.03 : 0;
      return Math.min(1, Math.max(0, mean + penalty));
    });
    hybrid.criteria.forEach((c, i) => expect(c.score).toBeCloseTo(perCriterion[i]!, 12));
    expect(hybrid.score).toBeCloseTo(perCriterion.reduce((a, b) => a + b, 0) / perCriterion.length, 12);
  });

  it('is all-cloud when every use case is served in the cloud, with no mix to weigh it against', () => {
    const cloudOnly: Roadmap = { ...ROADMAP, useCases: ROADMAP.useCases.filter((u) => u.id !== 'fraud') };
    const deployment = decision(evaluate(pack, cloudOnly, {}), 'deployment');
    expect(deployment.recommended).toBe('cloud');
    // A hybrid would place everything as the cloud does: it is out of reach, not a runner-up a hair behind.
    // With the chat on a hosted API, all on premises is out of reach too: the cloud is the only option, so no margin.
    expect(deployment.excluded.find((x) => x.option === 'hybrid')!.reasons.map((r) => r.reason)).toEqual(['Every use case lands where Public cloud puts it, so there is nothing to mix.']);
    expect(deployment.ranking.filter((r) => !r.excluded).map((r) => r.option)).toEqual(['cloud']);
    expect(deployment.margin).toBeNull();
  });

  it('takes the sourcing most of the roadmap fits best as the main approach, and says which use cases differ', () => {
    const sourcing = decision(e, 'ai-sourcing');
    expect(sourcing.portfolio!.kind).toBe('main-approach');
    expect(sourcing.recommended).toBe('managed-ml-platform');
    expect(sourcing.portfolio!.differ).toEqual(['chat']);
    // Each use case keeps its own sourcing.
    expect(e.useCases.map((u) => u.outcomes.find((o) => o.decision === 'sourcing')!.option)).toEqual(['foundation-model-apis', 'managed-ml-platform', 'managed-ml-platform']);
  });

  it('needs both serving modes when some use cases answer people and others run on a schedule', () => {
    const mode = decision(e, 'inference-mode');
    expect(mode.recommended).toBe('both');
    expect(mode.excluded.map((x) => x.option)).toEqual(['batch']);
    expect(new Set(mode.excluded[0]!.reasons.map((r) => r.useCase))).toEqual(new Set(['chat', 'fraud']));
    const allBatch: Roadmap = { ...ROADMAP, useCases: [ROADMAP.useCases[2]!] };
    expect(decision(evaluate(pack, allBatch, {}), 'inference-mode').recommended).toBe('batch');
  });

  it('asks each organisation question once, then each use case’s own questions naming it, in roadmap order', () => {
    const deployment = decision(e, 'deployment');
    const keys = deployment.unanswered.map((q) => `${q.useCase ?? 'organisation'}:${q.factor}`);
    expect(new Set(keys).size).toBe(keys.length);
    const firstUseCase = deployment.unanswered.findIndex((q) => q.useCase !== undefined);
    expect(deployment.unanswered.slice(0, firstUseCase).every((q) => q.useCase === undefined)).toBe(true);
    const order = deployment.unanswered.slice(firstUseCase).map((q) => ROADMAP.useCases.findIndex((u) => u.id === q.useCase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const q of deployment.unanswered) {
      const scope = pack.factorScopes[pack.factorIndex.get(q.factor)!];
      expect(q.useCase === undefined ? scope === 0 : scope === 1).toBe(true);
    }
    // The most sensitive data of the roadmap is worked out, never asked.
    for (const d of evaluate(pack, { answers: {}, useCases: [] }, {}).decisions) expect(d.unanswered.map((q) => q.factor)).not.toContain('roadmapDataSensitivity');
  });

  it('does not apply with no use cases, and says so', () => {
    const empty = evaluate(pack, { answers: ROADMAP.answers, useCases: [] }, {});
    for (const id of ['deployment', 'inference-mode', 'ai-sourcing']) {
      const d = decision(empty, id);
      expect(d.applicable).toBe(false);
      expect(d.notApplicableBecause.length).toBeGreaterThan(0);
    }
  });
});

describe('robustness over the questions nobody answered', () => {
  const full = defaultPack();
  const read = (name: string): Roadmap => {
    const file = parseAnswersFile(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../fixtures/workshops', name), 'utf8')), full);
    if (!file.ok) throw new Error(name);
    return { answers: file.value.answers, useCases: file.value.useCases };
  };
  const ids = (list: readonly number[]) => list.map((f) => full.factors[f]!.id);

  it('lists the open questions the rules read, the organisation’s and each use case’s, and samples nothing when none is open', () => {
    const open = openQuestions(prepareRoadmap(full, read('unanswered.json')));
    expect(ids(open.organisation)).toEqual(expect.arrayContaining(['airGapped', 'opsExpertise', 'existingOnPremCapacity']));
    expect(ids(open.useCases[0]!)).toEqual(expect.arrayContaining(['task', 'usage', 'dataSensitivity']));
    // The bank left one question its rules read: whether the credit models must work offline. (How fast a batch
    // job answers is not read.) Answered, nothing is open and the answers given are the only world.
    const bankRoadmap = read('regulated-bank.json');
    const bank = prepareRoadmap(full, bankRoadmap);
    expect(openQuestions(bank)).toEqual({ organisation: [], useCases: [[], [full.factorIndex.get('worksOffline')!], []] });
    const answered = { ...bankRoadmap, useCases: bankRoadmap.useCases.map((u) => ({ ...u, answers: { ...u.answers, worksOffline: false } })) };
    expect(answerWorlds(prepareRoadmap(full, answered), 8, 1)).toEqual([]);
    const worlds = answerWorlds(prepareRoadmap(full, read('unanswered.json')), 8, 1);
    expect(worlds).toHaveLength(8);
    // Each world answers every open question with a value the question allows.
    for (const w of worlds) expect(openQuestions(w)).toEqual({ organisation: [], useCases: [[]] });
  });

  it('no longer reads 100% while questions that could move a decision are open; answered, the same decision is firm', () => {
    const open = read('unanswered.json');
    const e = evaluate(full, open, undefined, { robustness: { samples: 800 } });
    const deployment = e.decisions.find((d) => d.id === 'deployment')!;
    // Nothing answered: an air gap, sovereign data or a millisecond target would each move it.
    expect(deployment.robustness!).toBeLessThan(0.6);
    expect(deployment.confidence!.level).toBe('too-close');
    expect(deployment.confidence!.tied[0]).toBe(deployment.recommended);
    // The start-up answered what its rules read: its deployment holds in every sample.
    const answered = evaluate(full, read('retail-startup.json'), undefined, { robustness: { samples: 800 } }).decisions.find((d) => d.id === 'deployment')!;
    expect(answered.robustness).toBe(1);
  });
});
