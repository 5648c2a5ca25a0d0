// What the conflict bar's Compare lists for answers: this tab's value next to the other version's, where they differ.
import { describe, expect, it } from 'vitest';
import { emptyWorkshopState, type WorkshopState } from '../../../../../shared/domain';
import { defaultPack } from '../../../../../shared/engine';
import { stateDifferences } from '../../../../../renderer/features/workshop/ConflictComparison';

const ANA = '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0a01';
const BEN = '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0a02';
const OPS = 'How strong is in-house infrastructure and MLOps operations?';

function state(more: Partial<WorkshopState>): WorkshopState {
  return { ...emptyWorkshopState(), ...more };
}

describe('comparing this tab’s answers with the other version’s', () => {
  it('lists each answer, weight and participant that differs, this tab first, in words', () => {
    const pack = defaultPack();
    const mine = state({
      answers: { opsExpertise: 'high' },
      participants: [{ id: ANA, name: 'Ana', role: 'CIO', involvement: 'decision-maker' }],
      weights: { [ANA]: { cost: 5 } },
    });
    const theirs = state({
      answers: { opsExpertise: 'low' },
      participants: [
        { id: ANA, name: 'Ana', role: 'CIO', involvement: 'decision-maker' },
        { id: BEN, name: 'Ben', role: 'CISO', involvement: 'consulted' },
      ],
      weights: { [ANA]: { cost: 2 } },
    });
    const rows = stateDifferences(pack, mine, theirs).map(({ what, mine: m, theirs: t }) => [what, m, t]);
    expect(rows).toContainEqual([OPS, 'High', 'Low']);
    expect(rows).toContainEqual(['Ana’s weight on cost', '5', '2']);
    expect(rows).toContainEqual(['Participant', '—', 'Ben']);
    // Answers that agree are not listed.
    expect(stateDifferences(pack, mine, mine)).toEqual([]);
  });

  it('says "Not answered" for an answer only one side has', () => {
    const rows = stateDifferences(defaultPack(), state({}), state({ answers: { opsExpertise: 'medium' } }));
    expect(rows.map(({ what, mine, theirs }) => [what, mine, theirs])).toContainEqual([OPS, 'Not answered', 'Medium']);
  });

  it('lists what keeping one version would also change: the currency and cost assumptions, notes, participants, the diagram', () => {
    const pack = defaultPack();
    const ana = { id: ANA, name: 'Ana', role: 'CIO', involvement: 'decision-maker' as const };
    const mine = state({ participants: [ana], notes: { opsExpertise: 'Two SREs' } });
    const theirs = state({
      participants: [{ ...ana, role: 'CTO' }],
      costAssumptions: { currency: 'EUR', monthlyBudget: 86_000 },
      diagram: { ...mine.diagram, hidden: ['compute.gpu-cluster'] },
    });
    const rows = stateDifferences(pack, mine, theirs).map(({ what, mine: m, theirs: t }) => [what, m, t]);
    expect(rows).toContainEqual(['Currency', 'USD', 'EUR']);
    expect(rows).toContainEqual(['Cost assumption: Monthly budget', 'Default', '86000']);
    expect(rows).toContainEqual([`Note on ${OPS}`, 'Two SREs', '—']);
    expect(rows).toContainEqual(['Participant details', 'Ana, CIO, Decision-maker', 'Ana, CTO, Decision-maker']);
    expect(rows).toContainEqual(['Edits to the stack diagram', 'As this tab has them', 'As the other version has them']);
  });
});
