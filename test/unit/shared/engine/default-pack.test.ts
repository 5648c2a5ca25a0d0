import { describe, expect, it } from 'vitest';
import pack from '../../../../shared/packs/default.json';
import { checkMonotonicExpectations, defaultPack, evaluate, parsePack } from '../../../../shared/engine';

describe('the default pack', () => {
  const compiled = defaultPack();

  it('is valid and covers the five decisions with the ids of the public formats, and the use cases’ own', () => {
    expect(parsePack(pack).ok).toBe(true);
    expect(compiled.organisationDecisions.map((d) => [d.id, d.decision.options.map((o) => o.id)])).toEqual([
      ['deployment', ['cloud', 'on-premises', 'hybrid']],
      ['cloud-strategy', ['single-cloud', 'multi-cloud']],
      ['infrastructure-model', ['centralized', 'federated', 'hub-and-spoke']],
      ['inference-mode', ['real-time', 'batch', 'both']],
      ['ai-sourcing', ['pre-built-apis', 'foundation-model-apis', 'managed-ml-platform', 'custom-platform', 'industry-specific-solutions']],
    ]);
    expect(compiled.useCaseDecisions.map((d) => [d.id, d.decision.options.map((o) => o.id)])).toEqual([
      ['sourcing', ['pre-built-apis', 'foundation-model-apis', 'managed-ml-platform', 'custom-platform', 'industry-specific-solutions']],
      ['serving-placement', ['cloud', 'on-premises', 'edge']],
      ['training-placement', ['cloud', 'on-premises']],
      ['serving-mode', ['real-time', 'batch']],
    ]);
    // Deployment, inference mode and AI sourcing follow from the use cases; the other two stay the organisation's.
    expect(compiled.portfolios.map((p) => compiled.decisions[p.decision]!.id)).toEqual(['deployment', 'inference-mode', 'ai-sourcing']);
  });

  it('asks each use case what it needs, and the organisation what holds for all of them', () => {
    const scoped = (scope: number) => compiled.factors.filter((f, i) => compiled.factorScopes[i] === scope && !f.aggregate).map((f) => f.id);
    expect(scoped(1)).toEqual([
      'task', 'usage', 'latencyP95Ms', 'worksOffline', 'dataSensitivity', 'dataResidency', 'dataLocation', 'requestsPerMonthNow', 'requestsPerMonthInProduction',
      'monthlyTrainingGpuHours', 'interruptionTolerance', 'customizationNeed',
    ]);
    expect(scoped(0)).toEqual([
      'airGapped', 'existingOnPremCapacity', 'spareAccelerators', 'opsExpertise', 'mlExpertise', 'cloudFootprint', 'lockInConcern', 'bestOfBreedNeed',
      'regulatoryGeoDistribution', 'workloadPattern', 'sustainedGpuUtilization', 'egressTbPerMonth', 'businessUnits', 'buAutonomyNeed', 'governanceMaturity', 'timeToValue',
    ]);
  });

  it('offers a catalogue of typical use cases, every one answering what it must do and how it is used', () => {
    const catalogue = compiled.pack.catalogue!;
    expect(catalogue.length).toBeGreaterThanOrEqual(10);
    for (const entry of catalogue) {
      expect(entry.answers.task, entry.id).toBeDefined();
      expect(entry.answers.usage, entry.id).toBeDefined();
    }
    expect(catalogue.map((c) => c.id)).toEqual(expect.arrayContaining(['document-summarisation', 'customer-service-assistant', 'fraud-scoring', 'demand-forecasting', 'visual-inspection']));
  });

  it('names, in every rule’s rationale, the consideration the rule encodes', () => {
    const labels = new Map(compiled.pack.considerations.map((c) => [c.id, c.label]));
    for (const rule of compiled.pack.rules) expect(rule.rationale.startsWith(`${labels.get(rule.consideration)}:`), rule.id).toBe(true);
    // Every consideration is used, and every rule has something to say.
    expect(new Set(compiled.pack.rules.map((r) => r.consideration))).toEqual(new Set(labels.keys()));
  });

  it('says "recommended" in no text that follows the room’s choice: option risks and rules that read a decision', () => {
    // An option's risk shows while the room chose that option, recommended or not; so do the reasons of rules
    // that read a decision (EvaluateOptions.decided).
    for (const rule of compiled.rules) {
      const texts = rule.risks.filter((r) => r.option >= 0).map((r) => r.effect.message);
      if (!rule.factorOnly) {
        texts.push(rule.rule.rationale);
        for (const e of rule.rule.effects) if (e.type !== 'adjust') texts.push(e.type === 'risk' ? `${e.message} ${e.action}` : e.reason);
      }
      for (const text of texts) expect(text, rule.id).not.toMatch(/recommend/i);
    }
  });

  it('uses every factor in some rule (or the cost model) and declares monotonic expectations that hold', () => {
    const used = new Set(compiled.rules.flatMap((r) => Array.from(r.factors, (f) => compiled.factors[f]!.id)));
    // Volumes, spare accelerators, utilization and spot training are priced by the cost model, which scores placements
    // and sourcing on cost.
    for (const id of ['requestsPerMonthNow', 'requestsPerMonthInProduction', 'spareAccelerators', 'sustainedGpuUtilization', 'interruptionTolerance']) used.add(id);
    for (const f of compiled.factors) expect(used.has(f.id), f.id).toBe(true);
    expect(compiled.pack.expectations!.monotonic.length).toBeGreaterThanOrEqual(15);
    expect(checkMonotonicExpectations(compiled, { samples: 500, seed: 7 })).toEqual([]);
  });

  it('recommends single cloud unless there is a genuine reason for multi-cloud', () => {
    const strategy = (answers: Record<string, string | boolean>) => evaluate(compiled, answers, undefined).decisions.find((d) => d.id === 'cloud-strategy')!.recommended;
    expect(strategy({})).toBe('single-cloud');
    expect(strategy({ lockInConcern: 'high' })).toBe('single-cloud');
    expect(strategy({ regulatoryGeoDistribution: true })).toBe('multi-cloud');
  });

  it('never places a use case with sovereign data in a public cloud, nor sends it to a hosted API', () => {
    const roadmap = { answers: {}, useCases: [{ id: 'u1', name: 'Case files', answers: { dataResidency: 'sovereign' } }] };
    const e = evaluate(compiled, roadmap, { agility: 5, operability: 5, control: 0, compliance: 0 });
    const deployment = e.decisions.find((d) => d.id === 'deployment')!;
    expect(deployment.recommended).not.toBe('cloud');
    expect(deployment.excluded.map((x) => x.option)).toEqual(['cloud', 'hybrid']);
    expect(new Set(deployment.excluded[0]!.reasons.map((r) => r.useCase))).toEqual(new Set(['u1']));
    // One use case on premises: a hybrid estate would have nothing to mix.
    expect(deployment.excluded[1]!.reasons.map((r) => r.reason)).toEqual(['Every use case lands where On-premises puts it, so there is nothing to mix.']);
    const sourcing = e.useCases[0]!.decisions.find((d) => d.id === 'sourcing')!;
    expect(sourcing.excluded.map((x) => x.option).sort()).toEqual(['foundation-model-apis', 'pre-built-apis']);
  });

  it('rules out an owned data centre where there is neither capacity nor an operations team, and only then', () => {
    const compiled = defaultPack();
    const useCase = { id: 'u', name: 'Scoring', answers: { task: 'tabular-prediction', usage: 'interactive', latencyP95Ms: 200, dataSensitivity: 'confidential', dataLocation: 'on-premises', monthlyTrainingGpuHours: 100 } };
    const placements = (org: Record<string, string>) => {
      const e = evaluate(compiled, { answers: org, useCases: [useCase] }, undefined, { sensitivity: false });
      return e.useCases[0]!.decisions.filter((d) => d.id.endsWith('-placement')).map((d) => [d.id, d.excluded.map((x) => x.option)]);
    };
    expect(placements({ existingOnPremCapacity: 'none', opsExpertise: 'low' })).toEqual([
      ['serving-placement', ['on-premises']],
      ['training-placement', ['on-premises']],
    ]);
    // Capacity to use, or a team to build it: then it is a risk to weigh, not a limit.
    expect(placements({ existingOnPremCapacity: 'some', opsExpertise: 'low' })).toEqual([['serving-placement', []], ['training-placement', []]]);
    expect(placements({ existingOnPremCapacity: 'none', opsExpertise: 'medium' })).toEqual([['serving-placement', []], ['training-placement', []]]);
  });
});
