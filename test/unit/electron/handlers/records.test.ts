import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import type { Workshop } from '../../../../shared/domain';
import type { DecisionRecord } from '../../../../shared/records';
import { quiet, value } from '../../support/invoke';
import { tempDeps } from '../../support/temp-db';

describe('decision record lifecycle', () => {
  it('starts every decision proposed, accepts one, and refuses a move the lifecycle does not allow', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Records' }, quiet));
    const initial = value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: w.id }, quiet));
    expect(initial.map((r) => [r.decision, r.status])).toEqual([
      ['deployment', 'proposed'],
      ['cloud-strategy', 'proposed'],
      ['infrastructure-model', 'proposed'],
      ['inference-mode', 'proposed'],
      ['ai-sourcing', 'proposed'],
    ]);
    const accepted = value<DecisionRecord[]>(invokeChannel(deps, 'records.update', { id: w.id, decision: 'deployment', status: 'accepted' }, quiet));
    expect(accepted[0]).toMatchObject({ status: 'accepted', date: '2026-03-01' });
    const back = invokeChannel(deps, 'records.update', { id: w.id, decision: 'deployment', status: 'proposed' }, quiet);
    expect(back).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Accepted to proposed is not allowed: an accepted record can become deprecated or superseded.' } });
    // Survives a reopen of the list.
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: w.id }, quiet))[0]?.status).toBe('accepted');
  });

  it('supersedes a record by an accepted one from a later workshop, linking both ways', () => {
    const deps = tempDeps();
    const first = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: '2026 strategy' }, quiet));
    const second = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: '2027 review' }, quiet));
    invokeChannel(deps, 'records.update', { id: first.id, decision: 'deployment', status: 'accepted' }, quiet);
    const notYet = invokeChannel(deps, 'records.update', { id: first.id, decision: 'deployment', status: 'superseded', supersededBy: { workshop: second.id, decision: 'deployment' } }, quiet);
    expect(notYet).toMatchObject({ ok: false, error: { message: 'The replacement is proposed: accept it before it supersedes another record.' } });
    expect(invokeChannel(deps, 'records.candidates', { id: first.id }, quiet)).toEqual({ ok: true, value: [] });
    invokeChannel(deps, 'records.update', { id: second.id, decision: 'deployment', status: 'accepted' }, quiet);
    const done = value<DecisionRecord[]>(
      invokeChannel(deps, 'records.update', { id: first.id, decision: 'deployment', status: 'superseded', supersededBy: { workshop: second.id, decision: 'deployment' } }, quiet),
    );
    expect(done[0]).toMatchObject({ status: 'superseded', supersededBy: { workshop: second.id, decision: 'deployment' } });
    const replacement = value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: second.id }, quiet))[0];
    expect(replacement?.supersedes).toEqual([{ workshop: first.id, decision: 'deployment' }]);
    // The records that may supersede one of the first workshop's: accepted ones elsewhere.
    expect(invokeChannel(deps, 'records.candidates', { id: first.id }, quiet)).toEqual({
      ok: true,
      value: [{ workshop: second.id, workshopTitle: '2027 review', decision: 'deployment' }],
    });
  });

  it('names the field when superseding without a replacement or for an unknown decision', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Refusals' }, quiet));
    expect(invokeChannel(deps, 'records.update', { id: w.id, decision: 'deployment', status: 'superseded' }, quiet)).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'supersededBy', message: 'is required when the status is superseded' }] },
    });
    expect(invokeChannel(deps, 'records.update', { id: w.id, decision: 'hosting', status: 'accepted' }, quiet)).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'decision' }] },
    });
  });

  it('keeps records of the organisation decisions only: a use case’s decision is refused, naming those that have one', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Use cases' }, quiet));
    for (const decision of ['sourcing', 'serving-placement', 'training-placement', 'serving-mode']) {
      expect(invokeChannel(deps, 'records.update', { id: w.id, decision, status: 'accepted' }, quiet)).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-input',
          issues: [{ path: 'decision', message: 'must be one of deployment, cloud-strategy, infrastructure-model, inference-mode, ai-sourcing' }],
        },
      });
    }
    expect(deps.db.prepare('SELECT COUNT(*) FROM decision_records').pluck().get()).toBe(0);
    // The organisation's sourcing portfolio has its record.
    const accepted = value<DecisionRecord[]>(invokeChannel(deps, 'records.update', { id: w.id, decision: 'ai-sourcing', status: 'accepted' }, quiet));
    expect(accepted.find((r) => r.decision === 'ai-sourcing')).toMatchObject({ status: 'accepted' });
  });
});
