import { describe, expect, it } from 'vitest';
import { appliesBecauseOfRoom } from '../../../renderer/features/decisions/applies-because';
import { defaultPack, loadPack, type Roadmap } from '../../../shared/engine';
import { tinyDecision, tinyPackJson } from '../shared/engine/tiny-pack';

/** A bank whose use cases both land on premises, so the cloud strategy does not apply. */
const BANK: Roadmap = {
  answers: { existingOnPremCapacity: 'significant', opsExpertise: 'high', sustainedGpuUtilization: 0.8, workloadPattern: 'steady', lockInConcern: 'high' },
  useCases: [
    { id: 'fraud', name: 'Fraud scoring', answers: { task: 'tabular-prediction', usage: 'interactive', dataSensitivity: 'regulated', latencyP95Ms: 100, requestsPerMonthInProduction: 5_000_000 } },
    { id: 'claims', name: 'Claims summaries', answers: { task: 'language-generation', usage: 'batch', dataSensitivity: 'confidential', requestsPerMonthInProduction: 100_000 } },
  ],
};

describe('why a decision applies only because of the room’s choices', () => {
  const pack = defaultPack();
  const because = (decided: Record<string, string>, decision = 'cloud-strategy') => appliesBecauseOfRoom(pack, BANK, {}, null, decided, decision);

  it('names the choice that makes the cloud strategy apply, with what Stratum recommended', () => {
    expect(because({ deployment: 'cloud', 'ai-sourcing': 'foundation-model-apis' })).toEqual([{ decision: 'Deployment', chosen: 'Public cloud', recommended: 'On-premises' }]);
    expect(because({ deployment: 'hybrid' })).toEqual([{ decision: 'Deployment', chosen: 'Hybrid', recommended: 'On-premises' }]);
  });

  it('says nothing when the decision applies without the room’s choices, or does not apply with them', () => {
    expect(because({ 'ai-sourcing': 'foundation-model-apis' })).toEqual([]);
    expect(because({ deployment: 'on-premises' })).toEqual([]);
    expect(because({ deployment: 'cloud' }, 'deployment')).toEqual([]);
    expect(because({})).toEqual([]);
  });

  it('names every choice when only their combination makes the decision apply', () => {
    // A third decision that applies when "where" is A or "how" is Y. With many users (C excluded) and control
    // weighted, Stratum recommends B and X, so it does not apply; the room chose A and Y, and either would do.
    const json = tinyPackJson() as { decisions: unknown[]; rules: unknown[] };
    json.decisions.push(tinyDecision('when', 'When', 'When?', { Now: { cost: 0.5, control: 0.5 }, Later: { cost: 0.4, control: 0.6 } }));
    json.rules.push({
      id: 'when-needs-a-or-y',
      consideration: 'scale',
      rationale: 'Scale: only A or Y leave anything to schedule.',
      when: { not: { any: [{ decision: 'where', op: 'eq', value: 'a' }, { decision: 'how', op: 'eq', value: 'y' }] } },
      effects: [{ type: 'not-applicable', decision: 'when', reason: 'Nothing to schedule.' }],
    });
    const loaded = loadPack(json);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const answers = { users: 5000, legacy: false };
    const causes = (decided: Record<string, string>) => appliesBecauseOfRoom(loaded.value, { answers, useCases: [] }, { cost: 1, control: 3 }, null, decided, 'when');
    const where = { decision: expect.any(String), chosen: 'A', recommended: 'B' };
    expect(causes({ where: 'a', how: 'y' })).toEqual([where, { decision: expect.any(String), chosen: 'Y', recommended: 'X' }]);
    expect(causes({ where: 'a' })).toEqual([where]);
  });
});
