import { describe, expect, it } from 'vitest';
import { emptyWorkshopState, type WorkshopState } from '../../../../shared/domain';
import { defaultPack } from '../../../../shared/engine';
import { describeEdit } from '../../../../renderer/stores/describe-edit';

const pack = defaultPack();
const base: WorkshopState = {
  ...emptyWorkshopState(),
  participants: [
    { id: 'p1', name: 'A. Chen', role: 'CISO', involvement: 'decision-maker' },
    { id: 'p2', name: 'B. Osei', role: 'CFO', involvement: 'consulted' },
  ],
  weights: { p1: { cost: 3 } },
  useCases: [{ id: 'u1', name: 'Fraud scoring', description: '', answers: { latencyP95Ms: 40 }, dontKnow: [], notes: {}, roomChoices: {} }],
};

describe('an undo step in words', () => {
  it('names the edit and the step it was made on', () => {
    expect(describeEdit(pack, base, { ...base, weights: { p1: { cost: 5 } } })).toEqual({ what: "A. Chen's weight for Cost", step: 'priorities' });
    expect(describeEdit(pack, base, { ...base, useCases: [{ ...base.useCases[0]!, answers: { latencyP95Ms: 20 } }] })).toEqual({ what: 'the answer to p95 latency for Fraud scoring', step: 'use-cases' });
    expect(describeEdit(pack, base, { ...base, answers: { sustainedGpuUtilization: 0.4 } })).toEqual({ what: 'the answer to “What average utilization would owned accelerators sustain (0 to 1)?”', step: 'context' });
    expect(describeEdit(pack, base, { ...base, dontKnow: ['opsExpertise'] }).step).toBe('context');
    expect(describeEdit(pack, base, { ...base, roomChoices: { deployment: { option: 'cloud', reason: '' } } })).toEqual({ what: "the room's choice for Deployment", step: 'decisions' });
    expect(describeEdit(pack, base, { ...base, participants: [base.participants[1]!], weights: {} })).toEqual({ what: 'removing A. Chen and their weights', step: 'setup' });
    expect(describeEdit(pack, base, { ...base, useCases: [] })).toEqual({ what: 'removing the use case Fraud scoring', step: 'use-cases' });
    expect(describeEdit(pack, base, { ...base, costAssumptions: { spotDiscount: 0.8 } })).toEqual({ what: 'the cost assumption Spot discount', step: 'cost' });
  });
});
