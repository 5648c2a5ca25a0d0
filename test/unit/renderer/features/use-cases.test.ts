// The Use cases step's edits, through the session store as the page makes them: added from the catalogue,
// answered, moved, removed and put back, each one undo step, autosaved and read back after a reload.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeChannel, type HandlerDeps } from '../../../../electron/handlers';
import type { ApiResult, StratumApi } from '../../../../shared/contract';
import { MAX_USE_CASES, emptyWorkshopState } from '../../../../shared/domain';
import { defaultPack } from '../../../../shared/engine';
import { SESSION_SAVE_DELAY_MS } from '../../../../renderer/stores/session-slice';
import { createAppStore } from '../../../../renderer/stores/store';
import {
  newUseCase,
  withUseCaseAdded,
  withUseCaseAnswer,
  withUseCaseCleared,
  withUseCaseDontKnow,
  withUseCaseMoved,
  withUseCaseNote,
  withUseCaseRemoved,
  withUseCaseRestored,
  withUseCaseText,
} from '../../../../renderer/features/use-cases/use-case-actions';
import { tempDeps } from '../../support/temp-db';

const catalogue = defaultPack().pack.catalogue!;
const ids = ['3c0b7a52-8d1e-4f6a-9b2c-000000000001', '3c0b7a52-8d1e-4f6a-9b2c-000000000002', '3c0b7a52-8d1e-4f6a-9b2c-000000000003'] as const;

function setup(deps: HandlerDeps = tempDeps()) {
  const api = new Proxy({} as StratumApi, {
    get: (_t, channel: string) => async (payload: unknown): Promise<ApiResult<unknown>> => invokeChannel(deps, channel, payload, () => undefined),
  });
  const store = createAppStore({
    api,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id), now: () => Date.now() },
    location: { getHash: () => '#/', setHash: () => undefined },
  });
  return { store, deps };
}

describe('use case edits', () => {
  it('fills a use case from a catalogue entry with its name, description and answers, and a blank one with none', () => {
    const entry = catalogue[0]!;
    const filled = newUseCase(ids[0], entry);
    expect(filled).toEqual({ id: ids[0], name: entry.name, description: entry.description, answers: entry.answers, dontKnow: [], notes: {}, roomChoices: {} });
    expect(filled.answers).not.toBe(entry.answers);
    expect(newUseCase(ids[1])).toMatchObject({ name: '', description: '', answers: {} });
  });

  it('adds at the end and refuses more than the limit, leaving the roadmap as it was', () => {
    let state = emptyWorkshopState();
    for (let i = 0; i < MAX_USE_CASES; i++) state = withUseCaseAdded(state, newUseCase(`${ids[0].slice(0, -2)}${String(i).padStart(2, '0')}`));
    expect(state.useCases).toHaveLength(MAX_USE_CASES);
    expect(withUseCaseAdded(state, newUseCase(ids[1]))).toBe(state);
  });

  it('moves a use case up and down, and does nothing past either end', () => {
    let state = emptyWorkshopState();
    for (const id of ids) state = withUseCaseAdded(state, newUseCase(id));
    const order = (s: typeof state) => s.useCases.map((u) => u.id);
    expect(order(withUseCaseMoved(state, ids[2], -1))).toEqual([ids[0], ids[2], ids[1]]);
    expect(order(withUseCaseMoved(state, ids[0], 1))).toEqual([ids[1], ids[0], ids[2]]);
    expect(withUseCaseMoved(state, ids[0], -1)).toBe(state);
    expect(withUseCaseMoved(state, ids[2], 1)).toBe(state);
    expect(withUseCaseMoved(state, 'missing', 1)).toBe(state);
  });

  it('puts a removed use case back where it was, once', () => {
    let state = emptyWorkshopState();
    for (const id of ids) state = withUseCaseAdded(state, newUseCase(id));
    const removed = state.useCases[1]!;
    const without = withUseCaseRemoved(state, removed.id);
    expect(without.useCases.map((u) => u.id)).toEqual([ids[0], ids[2]]);
    const back = withUseCaseRestored(without, removed, 1);
    expect(back.useCases).toEqual(state.useCases);
    expect(withUseCaseRestored(back, removed, 1)).toBe(back);
  });

  it('answers, marks “don’t know yet”, clears and notes one use case only, returning the same state when nothing changes', () => {
    let state = withUseCaseAdded(withUseCaseAdded(emptyWorkshopState(), newUseCase(ids[0])), newUseCase(ids[1]));
    state = withUseCaseAnswer(state, ids[0], 'dataSensitivity', 'regulated');
    expect(state.useCases[0]!.answers).toEqual({ dataSensitivity: 'regulated' });
    expect(state.useCases[1]!.answers).toEqual({});
    expect(withUseCaseAnswer(state, ids[0], 'dataSensitivity', 'regulated')).toBe(state);
    const unsure = withUseCaseDontKnow(state, ids[0], 'dataSensitivity');
    expect(unsure.useCases[0]).toMatchObject({ answers: {}, dontKnow: ['dataSensitivity'] });
    // Answering again takes the question off the “don’t know yet” list.
    expect(withUseCaseAnswer(unsure, ids[0], 'dataSensitivity', 'internal').useCases[0]).toMatchObject({ answers: { dataSensitivity: 'internal' }, dontKnow: [] });
    expect(withUseCaseCleared(unsure, ids[0], 'dataSensitivity').useCases[0]).toMatchObject({ answers: {}, dontKnow: [] });
    const noted = withUseCaseNote(state, ids[0], 'dataSensitivity', 'Claims hold health data');
    expect(noted.useCases[0]!.notes).toEqual({ dataSensitivity: 'Claims hold health data' });
    expect(withUseCaseNote(noted, ids[0], 'dataSensitivity', 'Claims hold health data')).toBe(noted);
    expect(withUseCaseNote(noted, ids[0], 'dataSensitivity', '').useCases[0]!.notes).toEqual({});
    expect(withUseCaseText(state, ids[1], 'name', 'Support chat').useCases[1]!.name).toBe('Support chat');
    expect(withUseCaseText(state, 'missing', 'name', 'x')).toBe(state);
  });
});

describe('use case edits in the session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('autosaves a use case added from the catalogue and its answers, undoes them step by step, and reads them back', async () => {
    const s = setup();
    const created = await s.store.getState().createWorkshop({ title: 'Roadmap' });
    if (!created.ok) throw new Error(created.message);
    await s.store.getState().loadSession(created.workshop.id);
    const { change } = s.store.getState();
    change((st) => withUseCaseAdded(st, newUseCase(ids[0], catalogue[0])));
    change((st) => withUseCaseAnswer(st, ids[0], 'dataSensitivity', 'regulated'));
    change((st) => withUseCaseText(st, ids[0], 'name', 'Claims summaries'));
    await vi.advanceTimersByTimeAsync(SESSION_SAVE_DELAY_MS);
    expect(s.store.getState().sessionSaveState).toBe('saved');

    const fresh = setup(s.deps);
    await fresh.store.getState().loadSession(created.workshop.id);
    expect(fresh.store.getState().session?.useCases).toEqual([
      { ...newUseCase(ids[0], catalogue[0]), name: 'Claims summaries', answers: { ...catalogue[0]!.answers, dataSensitivity: 'regulated' } },
    ]);

    s.store.getState().undo();
    expect(s.store.getState().session?.useCases[0]!.name).toBe(catalogue[0]!.name);
    s.store.getState().undo();
    expect(s.store.getState().session?.useCases[0]!.answers).toEqual(catalogue[0]!.answers);
    s.store.getState().undo();
    expect(s.store.getState().session?.useCases).toEqual([]);
    await vi.advanceTimersByTimeAsync(SESSION_SAVE_DELAY_MS);
    const read = s.deps.workshopStates.get(created.workshop.id, '');
    expect(read.kind === 'read' && read.saved.state.useCases).toEqual([]);
  });
});
