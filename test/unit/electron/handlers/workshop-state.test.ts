import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import { emptyWorkshopState, type SavedWorkshopState, type Workshop } from '../../../../shared/domain';
import { tempDeps } from '../../support/temp-db';

const quiet = () => undefined;

function created(deps: ReturnType<typeof tempDeps>): Workshop {
  const r = invokeChannel(deps, 'workshops.create', { title: 'State' }, quiet);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Workshop;
}

describe('workshop state channels', () => {
  it('starts empty at revision 0, saves with increasing revisions and moves the workshop to the top of the list', () => {
    const deps = tempDeps();
    const w = created(deps);
    const other = created(deps);
    const first = invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet);
    expect(first).toMatchObject({ ok: true, value: { revision: 0, state: emptyWorkshopState() } });
    const state = { ...emptyWorkshopState(), answers: { dataSensitivity: 'regulated', latencyP95Ms: 40 } };
    const saved = invokeChannel(deps, 'workshopState.save', { id: w.id, state, baseRevision: 0 }, quiet);
    expect(saved).toMatchObject({ ok: true, value: { revision: 1, state } });
    expect(deps.workshops.list({ includeArchived: false }).map((x) => x.id)).toEqual([w.id, other.id]);
    const again = invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet) as { ok: true; value: SavedWorkshopState };
    expect(again.value.state).toEqual(state);
  });

  it('refuses a save from a stale revision and keeps the newer one', () => {
    const deps = tempDeps();
    const w = created(deps);
    invokeChannel(deps, 'workshopState.save', { id: w.id, state: { ...emptyWorkshopState(), answers: { opsExpertise: 'low' } }, baseRevision: 0 }, quiet);
    const stale = invokeChannel(deps, 'workshopState.save', { id: w.id, state: { ...emptyWorkshopState(), answers: { opsExpertise: 'high' } }, baseRevision: 0 }, quiet);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const read = deps.workshopStates.get(w.id, '');
    expect(read.kind === 'read' && read.saved.state.answers).toEqual({ opsExpertise: 'low' });
  });

  it('refuses weights outside 0..5 and a room choice without a reason, naming the field', () => {
    const deps = tempDeps();
    const w = created(deps);
    const badWeight = invokeChannel(deps, 'workshopState.save', { id: w.id, state: { ...emptyWorkshopState(), weights: { p: { cost: 7 } } }, baseRevision: 0 }, quiet);
    expect(badWeight).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'state.weights.p.cost', message: 'must be from 0 to 5' }] } });
    const noReason = invokeChannel(
      deps,
      'workshopState.save',
      { id: w.id, state: { ...emptyWorkshopState(), roomChoices: { deployment: { option: 'cloud', reason: ' ' } } }, baseRevision: 0 },
      quiet,
    );
    expect(noReason).toMatchObject({ ok: false, error: { issues: [{ path: 'state.roomChoices.deployment.reason' }] } });
  });

  it('refuses answers the rule pack does not know or allow, suggesting the closest id', () => {
    const deps = tempDeps();
    const w = created(deps);
    const result = invokeChannel(
      deps,
      'workshopState.save',
      {
        id: w.id,
        state: {
          ...emptyWorkshopState(),
          answers: { dataSensitivty: 'regulated', latencyP95Ms: -5, dataResidency: 'moon' },
          roomChoices: { deployment: { option: 'mainframe', reason: 'We like it' } },
        },
        baseRevision: 0,
      },
      quiet,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    const byPath = Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath['state.answers.dataSensitivty']).toBe('is not a known question (did you mean "dataSensitivity"?)');
    expect(byPath['state.answers.latencyP95Ms']).toMatch(/^must be a number greater than 0.*; got -5$/);
    expect(byPath['state.answers.dataResidency']).toMatch(/^must be .*sovereign.*; got "moon"$/);
    expect(byPath['state.roomChoices.deployment.option']).toBe('must be one of cloud, on-premises, hybrid');
    expect(deps.workshopStates.get(w.id, '')).toMatchObject({ kind: 'read', saved: { revision: 0 } });
  });

  it('refuses cost assumptions out of range, naming the field, and keeps a state saved without them readable', () => {
    const deps = tempDeps();
    const w = created(deps);
    const bad = invokeChannel(deps, 'workshopState.save', { id: w.id, state: { ...emptyWorkshopState(), costAssumptions: { spotDiscount: 1.2 } }, baseRevision: 0 }, quiet);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]).toMatchObject({ path: 'state.costAssumptions.spotDiscount', message: expect.stringMatching(/between 0\.6 and 0\.9.*got 1\.2/) });
    // A state written before diagrams and costs existed still opens, with empty defaults.
    const { diagram: _d, costAssumptions: _c, ...older } = emptyWorkshopState();
    deps.db.prepare('INSERT INTO workshop_state (workshop_id, state, revision, updated_at) VALUES (?, ?, 1, ?)').run(w.id, JSON.stringify(older), 'x');
    expect(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet)).toMatchObject({ ok: true, value: { state: emptyWorkshopState() } });
  });

  it('reports a hand-damaged saved state instead of replacing it', () => {
    const deps = tempDeps();
    const w = created(deps);
    deps.db.prepare(`INSERT INTO workshop_state (workshop_id, state, revision, updated_at) VALUES (?, '{"answers": 3}', 4, 'x')`).run(w.id);
    const read = invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet);
    expect(read).toMatchObject({ ok: false, error: { code: 'storage' } });
    const save = invokeChannel(deps, 'workshopState.save', { id: w.id, state: emptyWorkshopState(), baseRevision: 4 }, quiet);
    expect(save).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(deps.db.prepare('SELECT state FROM workshop_state WHERE workshop_id = ?').get(w.id)).toEqual({ state: '{"answers": 3}' });
  });

  it('answers not-found for a workshop that does not exist', () => {
    const deps = tempDeps();
    const missing = '00000000-0000-4000-8000-000000000999';
    expect(invokeChannel(deps, 'workshopState.get', { id: missing }, quiet)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(invokeChannel(deps, 'workshopState.save', { id: missing, state: emptyWorkshopState(), baseRevision: 0 }, quiet)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
