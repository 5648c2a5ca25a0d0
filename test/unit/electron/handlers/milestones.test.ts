import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import { type Milestone, type RevisionComparison } from '../../../../shared/contract';
import { emptyWorkshopState, type Workshop } from '../../../../shared/domain';
import { tempDeps } from '../../support/temp-db';

const quiet = () => undefined;

function value<T>(r: ReturnType<typeof invokeChannel>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('milestones', () => {
  it('saves a named revision, lists it, and compares it with the workshop as it is now', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Milestones' }, quiet));
    const before = { ...emptyWorkshopState(), answers: { dataSensitivity: 'public', existingOnPremCapacity: 'none', opsExpertise: 'low', workloadPattern: 'bursty' } };
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: before, baseRevision: 0 }, quiet));
    const m = value<Milestone>(invokeChannel(deps, 'milestones.create', { id: w.id, name: 'After day one', author: 'R. Patel' }, quiet));
    expect(m).toMatchObject({ name: 'After day one', author: 'R. Patel', packId: 'stratum-default' });
    expect(value<Milestone[]>(invokeChannel(deps, 'milestones.list', { id: w.id }, quiet))).toEqual([m]);

    const after = {
      ...before,
      answers: { dataSensitivity: 'regulated', dataResidency: 'sovereign', existingOnPremCapacity: 'significant', opsExpertise: 'high', workloadPattern: 'steady', sustainedGpuUtilization: 0.8 },
    };
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: after, baseRevision: 1 }, quiet));
    const diff = value<RevisionComparison>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: m.id, to: 'current' }, quiet));
    expect(diff.from.label).toBe('After day one');
    expect(diff.to.label).toBe('Now');
    expect(diff.answers.map((a) => [a.factor, a.from, a.to])).toEqual(
      expect.arrayContaining([
        ['dataSensitivity', 'public', 'regulated'],
        ['dataResidency', null, 'sovereign'],
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
