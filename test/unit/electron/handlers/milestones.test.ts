import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import { type Milestone, type RevisionComparison } from '../../../../shared/contract';
import { emptyWorkshopState, type SavedWorkshopState, type UseCase, type Workshop, type WorkshopState } from '../../../../shared/domain';
import { quiet, value } from '../../support/invoke';
import { tempDeps } from '../../support/temp-db';
import { v1State } from './v1-workshops';

const SCORING = '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0001';

function scoring(answers: UseCase['answers']): UseCase {
  return { id: SCORING, name: 'Claims scoring', description: '', answers, dontKnow: [], notes: {}, roomChoices: {} };
}

describe('milestones', () => {
  const before: WorkshopState = {
    ...emptyWorkshopState(),
    answers: { existingOnPremCapacity: 'none', opsExpertise: 'low', workloadPattern: 'bursty' },
    useCases: [scoring({ task: 'tabular-prediction', usage: 'interactive', dataSensitivity: 'public' })],
  };
  const after: WorkshopState = {
    ...before,
    answers: { existingOnPremCapacity: 'significant', opsExpertise: 'high', workloadPattern: 'steady', sustainedGpuUtilization: 0.8 },
    useCases: [scoring({ task: 'tabular-prediction', usage: 'interactive', dataSensitivity: 'regulated', dataResidency: 'sovereign' })],
  };

  it('saves a named revision, lists it, and compares it with the workshop as it is now', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Milestones' }, quiet));
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: before, baseRevision: 0 }, quiet));
    const m = value<Milestone>(invokeChannel(deps, 'milestones.create', { id: w.id, name: 'After day one', author: 'R. Patel' }, quiet));
    expect(m).toMatchObject({ name: 'After day one', author: 'R. Patel', packId: 'stratum-default' });
    expect(value<Milestone[]>(invokeChannel(deps, 'milestones.list', { id: w.id }, quiet))).toEqual([m]);

    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: after, baseRevision: 1 }, quiet));
    const diff = value<RevisionComparison>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: m.id, to: 'current' }, quiet));
    expect(diff.from.label).toBe('After day one');
    expect(diff.to.label).toBe('Now');
    expect(diff.answers.map((a) => [a.factor, a.from, a.to])).toEqual(
      expect.arrayContaining([
        ['existingOnPremCapacity', 'none', 'significant'],
        ['sustainedGpuUtilization', null, '0.8'],
      ]),
    );
    // Regulated, sovereign data with a strong on-premises estate moves the deployment recommendation.
    const deployment = diff.recommendations.find((r) => r.decision === 'deployment');
    expect(deployment?.from).not.toBe(deployment?.to);
    expect(deployment?.to).toBe('on-premises');
    // Comparing a revision with itself shows nothing moved.
    const same = value<RevisionComparison>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: m.id, to: m.id }, quiet));
    expect([same.answers, same.weights, same.recommendations, same.roomChoices]).toEqual([[], [], [], []]);
  });

  it("shows a use case's changed answers in the comparison, naming the use case", () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Use case answers' }, quiet));
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: before, baseRevision: 0 }, quiet));
    const m = value<Milestone>(invokeChannel(deps, 'milestones.create', { id: w.id, name: 'Before', author: '' }, quiet));
    // Only the use case's answers change.
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: { ...before, useCases: after.useCases }, baseRevision: 1 }, quiet));
    const diff = value<RevisionComparison>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: m.id, to: 'current' }, quiet));
    const sensitivity = diff.answers.find((a) => a.factor === 'dataSensitivity');
    expect(sensitivity).toMatchObject({ from: 'public', to: 'regulated' });
    expect(JSON.stringify(sensitivity)).toContain('Claims scoring');
    expect(diff.answers.find((a) => a.factor === 'dataResidency')).toMatchObject({ from: null, to: 'sovereign', useCase: { id: SCORING, name: 'Claims scoring' } });
    // Where the use case is served moves with its answers, and says which use case moved: sovereign data rules the
    // cloud out, and with no data centre and no operations team only its own sites are left.
    expect(diff.recommendations).toContainEqual({ decision: 'serving-placement', title: expect.any(String), from: 'cloud', to: 'edge', useCase: { id: SCORING, name: 'Claims scoring' } });
    expect(diff.useCases).toEqual({ added: [], removed: [], renamed: [] });
  });

  it('shows use cases added, removed and renamed, without listing a new use case’s answers one by one', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Use case list' }, quiet));
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: before, baseRevision: 0 }, quiet));
    const m = value<Milestone>(invokeChannel(deps, 'milestones.create', { id: w.id, name: 'Before', author: '' }, quiet));
    const chat: UseCase = { id: '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0002', name: 'Support chat', description: '', answers: { task: 'language-generation', usage: 'interactive' }, dontKnow: [], notes: {}, roomChoices: {} };
    const renamed = { ...before, useCases: [{ ...before.useCases[0]!, name: 'Claims triage' }, chat] };
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: renamed, baseRevision: 1 }, quiet));
    const diff = value<RevisionComparison>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: m.id, to: 'current' }, quiet));
    expect(diff.useCases).toEqual({ added: ['Support chat'], removed: [], renamed: [{ from: 'Claims scoring', to: 'Claims triage' }] });
    expect(diff.answers).toEqual([]);
    const back = value<RevisionComparison>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: 'current', to: m.id }, quiet));
    expect(back.useCases).toEqual({ added: [], removed: ['Support chat'], renamed: [{ from: 'Claims triage', to: 'Claims scoring' }] });
  });

  it('reads a milestone saved before use cases as this version reads it, and compares it with the migrated workshop', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Upgraded', organisation: 'Northwind Bank' }, quiet));
    // The workshop as it was before the upgrade, in the database and in a milestone taken then.
    const old = v1State('regulated-bank');
    deps.db.prepare('INSERT INTO workshop_state (workshop_id, state, revision, updated_at) VALUES (?, ?, 3, ?)').run(w.id, JSON.stringify(old), '2025-06-01T10:00:00.000Z');
    const taken = value<Milestone>(invokeChannel(deps, 'milestones.create', { id: w.id, name: 'Board pack', author: 'A. Facilitator' }, quiet));
    const snapshot = JSON.parse(deps.db.prepare('SELECT snapshot FROM milestones WHERE id = ?').pluck().get(taken.id) as string) as Record<string, unknown>;
    const oldId = '00000000-0000-4000-8000-00000000abcd';
    deps.db
      .prepare('INSERT INTO milestones (id, workshop_id, name, author, created_at, pack_id, pack_version, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(oldId, w.id, 'Before the upgrade', 'A. Facilitator', '2025-06-01T10:00:00.000Z', 'stratum-default', '1.0.1', JSON.stringify({ ...snapshot, state: old }));

    // Nothing the room said is lost between the old milestone and the workshop as it reads now.
    const unchanged = value<RevisionComparison>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: oldId, to: 'current' }, quiet));
    expect(unchanged.from.label).toBe('Before the upgrade');
    expect([unchanged.answers, unchanged.weights, unchanged.participants, unchanged.recommendations, unchanged.roomChoices]).toEqual([[], [], { added: [], removed: [] }, [], []]);

    const current = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet));
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: { ...current.state, answers: { ...current.state.answers, opsExpertise: 'low' } }, baseRevision: 3 }, quiet));
    const changed = value<RevisionComparison>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: oldId, to: 'current' }, quiet));
    expect(changed.answers.map((a) => [a.factor, a.from, a.to])).toEqual([['opsExpertise', 'high', 'low']]);
  });

  it('keeps milestones immutable', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Immutable' }, quiet));
    const m = value<Milestone>(invokeChannel(deps, 'milestones.create', { id: w.id, name: 'Baseline', author: '' }, quiet));
    expect(() => deps.db.prepare(`UPDATE milestones SET name = 'changed' WHERE id = ?`).run(m.id)).toThrow(/immutable/);
    expect(value<Milestone[]>(invokeChannel(deps, 'milestones.list', { id: w.id }, quiet))[0]?.name).toBe('Baseline');
  });

  it('refuses an empty name and an unknown milestone, saying which', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Refusals' }, quiet));
    expect(invokeChannel(deps, 'milestones.create', { id: w.id, name: ' ', author: '' }, quiet)).toMatchObject({ ok: false, error: { issues: [{ path: 'name', message: 'is required' }] } });
    const missing = '00000000-0000-4000-8000-000000000999';
    expect(invokeChannel(deps, 'milestones.compare', { id: w.id, from: missing, to: 'current' }, quiet)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: `There is no milestone ${missing} in this workshop.` },
    });
  });
});
