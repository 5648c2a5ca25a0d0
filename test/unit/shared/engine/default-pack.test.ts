import { describe, expect, it } from 'vitest';
import pack from '../../../../shared/packs/default.json';
import { checkMonotonicExpectations, defaultPack, evaluate, parsePack } from '../../../../shared/engine';

describe('the default pack', () => {
  const compiled = defaultPack();

  it('is valid and covers the five decisions with the ids of the public formats', () => {
    expect(parsePack(pack).ok).toBe(true);
    expect(compiled.decisions.map((d) => [d.id, d.decision.options.map((o) => o.id)])).toEqual([
      ['deployment', ['cloud', 'on-premises', 'hybrid']],
      ['cloud-strategy', ['single-cloud', 'multi-cloud']],
      ['infrastructure-model', ['centralized', 'federated', 'hub-and-spoke']],
      ['inference-mode', ['real-time', 'batch', 'both']],
      ['ai-sourcing', ['pre-built-apis', 'foundation-model-apis', 'managed-ml-platform', 'custom-platform']],
    ]);
  });

  it('asks every question of the answers format', () => {
    expect(compiled.factors.map((f) => f.id)).toEqual([
      'dataSensitivity', 'dataResidency', 'regulatoryGeoDistribution', 'latencyP95Ms', 'interactiveUseCases', 'dataFreshness',
      'workloadPattern', 'sustainedGpuUtilization', 'monthlyTrainingGpuHours', 'monthlyInferenceRequests', 'interruptionTolerance',
      'existingOnPremCapacity', 'opsExpertise', 'cloudFootprint', 'lockInConcern', 'bestOfBreedNeed', 'egressTbPerMonth',
      'businessUnits', 'buAutonomyNeed', 'governanceMaturity', 'mlExpertise', 'customizationNeed', 'timeToValue',
    ]);
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

  it('uses every factor in some rule and declares monotonic expectations that hold', () => {
    const used = new Set(compiled.rules.flatMap((r) => Array.from(r.factors, (f) => compiled.factors[f]!.id)));
    for (const f of compiled.factors) expect(used.has(f.id), f.id).toBe(true);
    expect(compiled.pack.expectations!.monotonic.length).toBeGreaterThanOrEqual(15);
    expect(checkMonotonicExpectations(compiled, { samples: 500, seed: 7 })).toEqual([]);
  });

  it('recommends single cloud unless there is a genuine reason for multi-cloud', () => {
    expect(evaluate(compiled, {}, undefined).decisions[1]!.recommended).toBe('single-cloud');
    expect(evaluate(compiled, { lockInConcern: 'high' }, undefined).decisions[1]!.recommended).toBe('single-cloud');
    expect(evaluate(compiled, { regulatoryGeoDistribution: true }, undefined).decisions[1]!.recommended).toBe('multi-cloud');
  });

  it('never recommends public cloud for sovereign data', () => {
    const d = evaluate(compiled, { dataResidency: 'sovereign' }, { agility: 5, operability: 5, control: 0, compliance: 0 }).decisions[0]!;
    expect(d.recommended).not.toBe('cloud');
    expect(d.excluded.map((x) => x.option)).toEqual(['cloud']);
  });
});
