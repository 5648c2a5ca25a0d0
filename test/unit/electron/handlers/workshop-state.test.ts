import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import { emptyWorkshopState, type SavedWorkshopState, type UseCase, type Workshop, type WorkshopState } from '../../../../shared/domain';
import { quiet, value } from '../../support/invoke';
import { tempDeps } from '../../support/temp-db';
import { expectEveryAnswerKept, V1_FIXTURES, v1Answers, v1State } from './v1-workshops';

function created(deps: ReturnType<typeof tempDeps>, details: { title: string; organisation?: string } = { title: 'State' }): Workshop {
  return value<Workshop>(invokeChannel(deps, 'workshops.create', details, quiet));
}

const FRAUD = '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0001';
const ASSISTANT = '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0002';

function useCase(id: string, name: string, answers: UseCase['answers'], more: Partial<UseCase> = {}): UseCase {
  return { id, name, description: '', answers, dontKnow: [], notes: {}, roomChoices: {}, ...more };
}

/** The issues of a refused save, by path. */
function refused(result: ReturnType<typeof invokeChannel>): Record<string, string> {
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  if (result.ok) return {};
  return Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, i.message]));
}

/** Stores a state the way an earlier Stratum did, bypassing today's checks. */
function storeRaw(deps: ReturnType<typeof tempDeps>, workshopId: string, state: unknown, revision: number): void {
  deps.db.prepare('INSERT INTO workshop_state (workshop_id, state, revision, updated_at) VALUES (?, ?, ?, ?)').run(workshopId, JSON.stringify(state), revision, '2025-06-01T10:00:00.000Z');
}

function storedText(deps: ReturnType<typeof tempDeps>, workshopId: string): string {
  return deps.db.prepare('SELECT state FROM workshop_state WHERE workshop_id = ?').pluck().get(workshopId) as string;
}

describe('workshop state channels', () => {
  it('starts empty at revision 0, saves with increasing revisions and moves the workshop to the top of the list', () => {
    const deps = tempDeps();
    const w = created(deps);
    const other = created(deps);
    const first = invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet);
    expect(first).toMatchObject({ ok: true, value: { revision: 0, state: emptyWorkshopState() } });
    expect(emptyWorkshopState().useCases).toEqual([]);
    const state: WorkshopState = {
      ...emptyWorkshopState(),
      answers: { opsExpertise: 'high', existingOnPremCapacity: 'some' },
      useCases: [useCase(FRAUD, 'Card fraud scoring', { dataSensitivity: 'regulated', latencyP95Ms: 40 }), useCase(ASSISTANT, 'Support assistant', { task: 'language-generation' })],
    };
    const saved = invokeChannel(deps, 'workshopState.save', { id: w.id, state, baseRevision: 0 }, quiet);
    expect(saved).toMatchObject({ ok: true, value: { revision: 1, state } });
    expect(deps.workshops.list({ includeArchived: false }).map((x) => x.id)).toEqual([w.id, other.id]);
    const again = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet));
    expect(again.state).toEqual(state);
    // The roadmap keeps the room's order.
    const reordered = { ...state, useCases: [...state.useCases].reverse() };
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: reordered, baseRevision: 1 }, quiet));
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet))).toMatchObject({ revision: 2, state: { useCases: [{ id: ASSISTANT }, { id: FRAUD }] } });
  });

  it('refuses a save from a stale revision and keeps the newer one', () => {
    const deps = tempDeps();
    const w = created(deps);
    const low = { ...emptyWorkshopState(), answers: { opsExpertise: 'low' }, useCases: [useCase(FRAUD, 'Card fraud scoring', { latencyP95Ms: 40 })] };
    value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: low, baseRevision: 0 }, quiet));
    const high = { ...emptyWorkshopState(), answers: { opsExpertise: 'high' }, useCases: [useCase(FRAUD, 'Card fraud scoring', { latencyP95Ms: 400 })] };
    const stale = invokeChannel(deps, 'workshopState.save', { id: w.id, state: high, baseRevision: 0 }, quiet);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const read = deps.workshopStates.get(w.id, '');
    expect(read.kind === 'read' && read.saved.state).toEqual(low);
  });

  it('refuses weights outside 0..5 and an overlong room-choice reason, naming the field', () => {
    const deps = tempDeps();
    const w = created(deps);
    const badWeight = invokeChannel(deps, 'workshopState.save', { id: w.id, state: { ...emptyWorkshopState(), weights: { p: { cost: 7 } } }, baseRevision: 0 }, quiet);
    expect(badWeight).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'state.weights.p.cost', message: 'must be from 0 to 5' }] } });
    const longReason = invokeChannel(
      deps,
      'workshopState.save',
      { id: w.id, state: { ...emptyWorkshopState(), roomChoices: { deployment: { option: 'cloud', reason: 'x'.repeat(2001) } } }, baseRevision: 0 },
      quiet,
    );
    expect(longReason).toMatchObject({ ok: false, error: { issues: [{ path: 'state.roomChoices.deployment.reason', message: 'must be at most 2000 characters' }] } });
    expect(deps.workshopStates.get(w.id, '')).toMatchObject({ kind: 'read', saved: { revision: 0 } });
  });

  it('keeps the votes cast in the workshop room, and refuses a vote of someone not listed, on an unknown decision or option', () => {
    const deps = tempDeps();
    const w = created(deps);
    const ada = '0b7a3c10-1111-4aaa-8aaa-000000000001';
    const participants = [{ id: ada, name: 'Ada', role: '', involvement: 'decision-maker' as const, weightsFrom: 'own-device' as const }];
    const good = { ...emptyWorkshopState(), participants, votes: { [ada]: { deployment: { option: 'hybrid', reason: 'Both' } } } };
    expect(invokeChannel(deps, 'workshopState.save', { id: w.id, state: good, baseRevision: 0 }, quiet)).toMatchObject({ ok: true });
    expect(deps.workshopStates.get(w.id, '')).toMatchObject({ kind: 'read', saved: { state: { votes: good.votes, participants: [{ weightsFrom: 'own-device' }] } } });
    const bad = { ...good, votes: { [ada]: { deployment: { option: 'mainframe', reason: '' }, 'no-such-decision': { option: 'cloud', reason: '' } }, stranger: { deployment: { option: 'cloud', reason: '' } } } };
    const refused = invokeChannel(deps, 'workshopState.save', { id: w.id, state: bad, baseRevision: 1 }, quiet);
    expect(refused.ok).toBe(false);
    const paths = refused.ok ? [] : (refused.error.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([`state.votes.${ada}.deployment.option`, `state.votes.${ada}.no-such-decision`, 'state.votes.stranger']));
  });

  it('keeps a room choice without a reason (a room that agrees with the recommendation need not invent one), at either level', () => {
    const deps = tempDeps();
    const w = created(deps);
    const state = {
      ...emptyWorkshopState(),
      roomChoices: { deployment: { option: 'cloud', reason: ' ' } },
      useCases: [useCase(FRAUD, 'Card fraud scoring', {}, { roomChoices: { sourcing: { option: 'custom-platform', reason: '' } } })],
    };
    expect(invokeChannel(deps, 'workshopState.save', { id: w.id, state, baseRevision: 0 }, quiet)).toMatchObject({ ok: true });
    expect(deps.workshopStates.get(w.id, '')).toMatchObject({ kind: 'read', saved: { revision: 1, state: { roomChoices: { deployment: { option: 'cloud', reason: '' } } } } });
  });

  it('refuses answers the rule pack does not know or allow, at either level, suggesting the closest id', () => {
    const deps = tempDeps();
    const w = created(deps);
    const byPath = refused(
      invokeChannel(
        deps,
        'workshopState.save',
        {
          id: w.id,
          state: {
            ...emptyWorkshopState(),
            answers: { opsExpertize: 'high', spareAccelerators: -2, dataSensitivty: 'regulated' },
            roomChoices: { deployment: { option: 'mainframe', reason: 'We like it' } },
            useCases: [
              useCase(FRAUD, 'Card fraud scoring', { dataSensitivty: 'regulated', latencyP95Ms: -5, dataResidency: 'moon' }, { roomChoices: { sourcing: { option: 'crystal-ball', reason: 'Magic' } } }),
            ],
          },
          baseRevision: 0,
        },
        quiet,
      ),
    );
    expect(byPath['state.answers.opsExpertize']).toBe('is not a known question (did you mean "opsExpertise"?)');
    expect(byPath['state.answers.spareAccelerators']).toMatch(/^must be .*; got -2$/);
    // A typo of a question asked of each use case, given for the organisation: the closest, and where it belongs.
    expect(byPath['state.answers.dataSensitivty']).toBe('is not a known question (did you mean "dataSensitivity", asked of each use case?)');
    expect(byPath['state.roomChoices.deployment.option']).toBe('must be one of cloud, on-premises, hybrid');
    expect(byPath['state.useCases.0.answers.dataSensitivty']).toBe('is not a known question (did you mean "dataSensitivity"?)');
    expect(byPath['state.useCases.0.answers.latencyP95Ms']).toMatch(/^must be a number greater than 0.*; got -5$/);
    expect(byPath['state.useCases.0.answers.dataResidency']).toMatch(/^must be .*sovereign.*; got "moon"$/);
    expect(byPath['state.useCases.0.roomChoices.sourcing.option']).toMatch(/^must be one of .*foundation-model-apis.*industry-specific-solutions/);
    expect(deps.workshopStates.get(w.id, '')).toMatchObject({ kind: 'read', saved: { revision: 0 } });
  });

  it('refuses answers and room choices at the wrong level, naming the field and where it belongs', () => {
    const deps = tempDeps();
    const w = created(deps);
    const state: WorkshopState = {
      ...emptyWorkshopState(),
      // A use case's questions asked of the organisation…
      answers: { latencyP95Ms: 40, opsExpertise: 'high', roadmapDataSensitivity: 'regulated' },
      dontKnow: ['dataResidency'],
      notes: { requestsPerMonthNow: 'From the pilot dashboard' },
      roomChoices: { 'serving-placement': { option: 'on-premises', reason: 'Latency' } },
      // …and the organisation's asked of a use case.
      useCases: [
        useCase(FRAUD, 'Card fraud scoring', { latencyP95Ms: 40, cloudFootprint: 'one-provider' }, {
          dontKnow: ['businessUnits'],
          notes: { mlExpertise: 'Two data scientists' },
          roomChoices: { deployment: { option: 'hybrid', reason: 'Because' } },
        }),
      ],
    };
    const result = invokeChannel(deps, 'workshopState.save', { id: w.id, state, baseRevision: 0 }, quiet);
    const byPath = refused(result);
    expect(byPath).toEqual({
      'state.answers.latencyP95Ms': 'is asked of each use case, not of the organisation',
      'state.answers.roadmapDataSensitivity': 'is worked out from the use cases, not answered',
      'state.dontKnow.0': 'is asked of each use case, not of the organisation',
      'state.notes.requestsPerMonthNow': 'is asked of each use case, not of the organisation',
      'state.roomChoices.serving-placement': 'is chosen for each use case, not for the organisation (organisation decisions: deployment, cloud-strategy, infrastructure-model, inference-mode, ai-sourcing)',
      'state.useCases.0.answers.cloudFootprint': 'is asked once for the organisation, not of a use case',
      'state.useCases.0.dontKnow.0': 'is asked once for the organisation, not of a use case',
      'state.useCases.0.notes.mlExpertise': 'is asked once for the organisation, not of a use case',
      'state.useCases.0.roomChoices.deployment': 'is chosen once for the organisation, not for a use case (use-case decisions: sourcing, serving-placement, training-placement, serving-mode)',
    });
    // The sentence a person reads names each field too.
    if (!result.ok) {
      expect(result.error.message).toMatch(/^The workshop's answers were refused: /);
      expect(result.error.message).toContain('state.answers.latencyP95Ms is asked of each use case, not of the organisation');
      expect(result.error.message).toContain('state.useCases.0.answers.cloudFootprint is asked once for the organisation, not of a use case');
    }
    expect(deps.workshopStates.get(w.id, '')).toMatchObject({ kind: 'read', saved: { revision: 0 } });
    // The same answers, each at its own level, are accepted.
    const fixed: WorkshopState = {
      ...emptyWorkshopState(),
      answers: { opsExpertise: 'high', cloudFootprint: 'one-provider' },
      dontKnow: ['businessUnits'],
      notes: { mlExpertise: 'Two data scientists' },
      roomChoices: { deployment: { option: 'hybrid', reason: 'Because' } },
      useCases: [
        useCase(FRAUD, 'Card fraud scoring', { latencyP95Ms: 40 }, {
          dontKnow: ['dataResidency'],
          notes: { requestsPerMonthNow: 'From the pilot dashboard' },
          roomChoices: { 'serving-placement': { option: 'on-premises', reason: 'Latency' } },
        }),
      ],
    };
    expect(invokeChannel(deps, 'workshopState.save', { id: w.id, state: fixed, baseRevision: 0 }, quiet)).toMatchObject({ ok: true, value: { revision: 1, state: fixed } });
  });

  it('refuses two use cases with the same id, naming the second', () => {
    const deps = tempDeps();
    const w = created(deps);
    const state = { ...emptyWorkshopState(), useCases: [useCase(FRAUD, 'Card fraud scoring', {}), useCase(FRAUD, 'Fraud again', {})] };
    expect(invokeChannel(deps, 'workshopState.save', { id: w.id, state, baseRevision: 0 }, quiet)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'state.useCases.1.id', message: "must differ from use case 1's id" }] },
    });
  });

  it('refuses cost assumptions out of range, naming the field, and keeps a state saved without them readable', () => {
    const deps = tempDeps();
    const w = created(deps);
    const bad = invokeChannel(deps, 'workshopState.save', { id: w.id, state: { ...emptyWorkshopState(), costAssumptions: { spotDiscount: 1.2 } }, baseRevision: 0 }, quiet);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]).toMatchObject({ path: 'state.costAssumptions.spotDiscount', message: expect.stringMatching(/between 0\.6 and 0\.9.*got 1\.2/) });
    // A state written after use cases but before diagrams and costs existed still opens, with empty defaults.
    const { diagram: _d, costAssumptions: _c, ...older } = { ...emptyWorkshopState(), answers: { opsExpertise: 'low' } };
    storeRaw(deps, w.id, older, 1);
    expect(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet)).toMatchObject({ ok: true, value: { state: { ...emptyWorkshopState(), answers: { opsExpertise: 'low' } } } });
  });

  it('reports a hand-damaged saved state instead of replacing it', () => {
    const deps = tempDeps();
    const w = created(deps);
    deps.db.prepare(`INSERT INTO workshop_state (workshop_id, state, revision, updated_at) VALUES (?, '{"answers": 3}', 4, 'x')`).run(w.id);
    const read = invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet);
    expect(read).toMatchObject({ ok: false, error: { code: 'storage' } });
    const save = invokeChannel(deps, 'workshopState.save', { id: w.id, state: emptyWorkshopState(), baseRevision: 4 }, quiet);
    expect(save).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(storedText(deps, w.id)).toBe('{"answers": 3}');
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

describe('a state saved before use cases', () => {
  // What the room wrote around the answers in Stratum 0.1: notes and "don't know" marks at both future levels,
  // a room choice, and the production scale it used for costs.
  const around = {
    dontKnow: ['egressTbPerMonth', 'interruptionTolerance'],
    notes: {
      latencyP95Ms: 'Card fraud checks: the 30 ms budget is end to end, "network included".',
      dataFreshness: 'Scores must use the last transaction',
      businessUnits: 'Retail, corporate, wealth, treasury, cards, insurance',
    },
    roomChoices: { 'ai-sourcing': { option: 'foundation-model-apis', reason: 'The data-science team is 6 people.' } },
    costAssumptions: { monthlyBudget: 150000, pilotToProductionScale: 25 },
  };

  it('reads back as one use case named for the organisation, losing no answer, note or mark, and writes nothing', () => {
    const deps = tempDeps();
    const w = created(deps, { title: 'Platform 2025', organisation: 'Northwind Bank' });
    const answers = v1Answers('regulated-bank');
    delete answers['interruptionTolerance']; // marked "don't know" instead
    delete answers['egressTbPerMonth'];
    const stored = v1State('regulated-bank', { ...around, answers });
    storeRaw(deps, w.id, stored, 7);
    const before = storedText(deps, w.id);

    const read = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet));
    expect(read).toMatchObject({ revision: 7, updatedAt: '2025-06-01T10:00:00.000Z' });
    const { state } = read;
    expect(state.useCases).toHaveLength(1);
    const [only] = state.useCases as [UseCase];
    expect(only.name).toBe('Northwind Bank: all AI use cases');
    expect(only.description).toMatch(/^Carried over from the organisation-wide answers of an earlier Stratum/);
    expect(only.answers).toMatchObject({ usage: 'interactive', latencyP95Ms: 30, dataSensitivity: 'regulated', requestsPerMonthNow: 90_000_000 });
    // The production volume follows the scale this room had set, and the scale itself is gone from the assumptions.
    expect(only.answers['requestsPerMonthInProduction']).toBe(90_000_000 * 25);
    expect(state.costAssumptions).toEqual({ monthlyBudget: 150000 });
    // Notes and "don't know" marks follow their question to its level; the folded note is kept in words.
    expect(only.notes).toEqual({ latencyP95Ms: around.notes.latencyP95Ms });
    expect(only.dontKnow).toEqual(['interruptionTolerance']);
    expect(only.description).toContain('note on data freshness: Scores must use the last transaction');
    expect(state.notes).toEqual({ businessUnits: around.notes.businessUnits });
    expect(state.dontKnow).toEqual(['egressTbPerMonth']);
    // Participants, weights and room choices are untouched.
    expect(state.participants).toEqual(stored['participants']);
    expect(state.weights).toEqual(stored['weights']);
    expect(state.roomChoices).toEqual(around.roomChoices);
    // Reading migrates in memory only: the stored row is as the earlier Stratum left it, and reads the same again.
    expect(storedText(deps, w.id)).toBe(before);
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet))).toEqual(read);
  });

  it.each(V1_FIXTURES)('%s: reads back migrated with every answer, and saves again as it reads', (name) => {
    const deps = tempDeps();
    const w = created(deps, { title: 'Before use cases', organisation: 'Fabrikam' });
    storeRaw(deps, w.id, v1State(name), 3);
    const read = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet));
    expectEveryAnswerKept(v1Answers(name), read.state);
    expect(read.state.useCases[0]?.name).toBe('Fabrikam: all AI use cases');
    // What the page shows can be saved unchanged: the migrated state passes today's checks, and is stored as version 2.
    const saved = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.save', { id: w.id, state: read.state, baseRevision: 3 }, quiet));
    expect(saved).toMatchObject({ revision: 4, state: read.state });
    expect(JSON.parse(storedText(deps, w.id))).toEqual(read.state);
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet)).state).toEqual(read.state);
  });

  it('names the use case for the title when the workshop has no organisation', () => {
    const deps = tempDeps();
    const w = created(deps, { title: 'Platform review' });
    storeRaw(deps, w.id, v1State('unanswered'), 1);
    const read = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet));
    expect(read.state.useCases.map((u) => [u.name, u.answers])).toEqual([['Platform review: all AI use cases', {}]]);
  });

  it('refuses a stale save of a migrated state like any other', () => {
    const deps = tempDeps();
    const w = created(deps, { title: 'Stale', organisation: 'Contoso' });
    storeRaw(deps, w.id, v1State('support-assistant'), 2);
    const read = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet));
    const before = storedText(deps, w.id);
    expect(invokeChannel(deps, 'workshopState.save', { id: w.id, state: read.state, baseRevision: 1 }, quiet)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(storedText(deps, w.id)).toBe(before);
  });
});
