import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeChannel, type HandlerDeps } from '../../../../electron/handlers';
import type { ApiResult, StratumApi } from '../../../../shared/contract';
import { COALESCE_MS, SESSION_SAVE_DELAY_MS } from '../../../../renderer/stores/session-slice';
import { withAnswer, withDontKnow, withWeight } from '../../../../renderer/stores/session-actions';
import { createAppStore } from '../../../../renderer/stores/store';
import { tempDeps } from '../../support/temp-db';

function setup(deps: HandlerDeps = tempDeps()) {
  const calls: string[] = [];
  const api = new Proxy({} as StratumApi, {
    get: (_t, channel: string) => async (payload: unknown): Promise<ApiResult<unknown>> => {
      calls.push(channel);
      return invokeChannel(deps, channel, payload, () => undefined);
    },
  });
  const store = createAppStore({
    api,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id), now: () => Date.now() },
    location: { getHash: () => '#/', setHash: () => undefined },
  });
  return { store, deps, calls };
}

async function openFresh(s: ReturnType<typeof setup>) {
  const created = await s.store.getState().createWorkshop({ title: 'Session test' });
  if (!created.ok) throw new Error(created.message);
  await s.store.getState().loadSession(created.workshop.id);
  return created.workshop.id;
}

/** Another window saves "low" first; this one then tries to save "high" over it. */
async function conflictingSaves() {
  const s = setup();
  const id = await openFresh(s);
  const other = setup(s.deps);
  await other.store.getState().loadSession(id);
  other.store.getState().change((st) => withAnswer(st, 'opsExpertise', 'low'));
  await other.store.getState().flushSession();
  s.store.getState().change((st) => withAnswer(st, 'opsExpertise', 'high'));
  await s.store.getState().flushSession();
  return { s, id };
}

describe('session: answers and weights', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('autosaves a change after the pause and keeps it across a reload', async () => {
    const s = setup();
    const id = await openFresh(s);
    s.store.getState().change((st) => withAnswer(st, 'governanceMaturity', 'high'));
    expect(s.store.getState().sessionSaveState).toBe('saving');
    await vi.advanceTimersByTimeAsync(SESSION_SAVE_DELAY_MS);
    expect(s.store.getState().sessionSaveState).toBe('saved');
    const fresh = setup(s.deps);
    await fresh.store.getState().loadSession(id);
    expect(fresh.store.getState().session?.answers).toEqual({ governanceMaturity: 'high' });
  });

  it('undoes and redoes answers step by step (Ctrl+Z / Ctrl+Shift+Z)', async () => {
    const s = setup();
    await openFresh(s);
    const { change } = s.store.getState();
    change((st) => withAnswer(st, 'governanceMaturity', 'medium'));
    change((st) => withAnswer(st, 'governanceMaturity', 'high'));
    change((st) => withDontKnow(st, 'egressTbPerMonth'));
    s.store.getState().undo();
    expect(s.store.getState().session?.dontKnow).toEqual([]);
    s.store.getState().undo();
    expect(s.store.getState().session?.answers).toEqual({ governanceMaturity: 'medium' });
    s.store.getState().redo();
    expect(s.store.getState().session?.answers).toEqual({ governanceMaturity: 'high' });
    // A new change after undo drops the redo history.
    change((st) => withAnswer(st, 'opsExpertise', 'high'));
    expect(s.store.getState().future).toEqual([]);
  });

  it('takes an edit back as a real undo step when nothing changed since, and refuses otherwise', async () => {
    const s = setup();
    await openFresh(s);
    const { change, undoIfLatest } = s.store.getState();
    change((st) => withAnswer(st, 'governanceMaturity', 'medium'));
    const after = change((st) => withAnswer(st, 'opsExpertise', 'high'))!;
    expect(after.answers).toEqual({ governanceMaturity: 'medium', opsExpertise: 'high' });
    expect(undoIfLatest(after)).toBe(true);
    expect(s.store.getState().session?.answers).toEqual({ governanceMaturity: 'medium' });
    // Redo makes it again, as after any undo.
    s.store.getState().redo();
    expect(s.store.getState().session?.answers).toEqual({ governanceMaturity: 'medium', opsExpertise: 'high' });
    // Another edit since: nothing is undone.
    const later = change((st) => withAnswer(st, 'opsExpertise', 'low'))!;
    change((st) => withAnswer(st, 'governanceMaturity', 'high'));
    expect(undoIfLatest(later)).toBe(false);
    expect(s.store.getState().session?.answers).toEqual({ governanceMaturity: 'high', opsExpertise: 'low' });
  });

  it('makes one slider drag one undo step', async () => {
    const s = setup();
    await openFresh(s);
    const defaults = { cost: 3 };
    for (const w of [3.5, 4, 4.5, 5]) {
      s.store.getState().change((st) => withWeight(st, 'p1', 'cost', w, defaults), { coalesceKey: 'weight:p1:cost' });
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(s.store.getState().session?.weights['p1']?.['cost']).toBe(5);
    s.store.getState().undo();
    expect(s.store.getState().session?.weights).toEqual({});
    // Past the coalescing window, the next drag is its own step.
    s.store.getState().redo();
    await vi.advanceTimersByTimeAsync(COALESCE_MS + 10);
    s.store.getState().change((st) => withWeight(st, 'p1', 'cost', 1, defaults), { coalesceKey: 'weight:p1:cost' });
    s.store.getState().undo();
    expect(s.store.getState().session?.weights['p1']?.['cost']).toBe(5);
  });

  it('leaves no undo step for a run of edits that came back to where it started (a refused entry put back)', async () => {
    const s = setup();
    await openFresh(s);
    const defaults = { cost: 3 };
    s.store.getState().change((st) => withAnswer(st, 'governanceMaturity', 'high'));
    const pastBefore = s.store.getState().past.length;
    s.store.getState().change((st) => withWeight(st, 'p1', 'cost', 4, defaults), { coalesceKey: 'weight:p1:cost' });
    expect(s.store.getState().past.length).toBe(pastBefore + 1);
    // Back to where the run began: the step goes with it.
    s.store.getState().change((st) => ({ ...st, weights: {} }), { coalesceKey: 'weight:p1:cost' });
    expect(s.store.getState().past.length).toBe(pastBefore);
    s.store.getState().undo();
    expect(s.store.getState().session?.answers).toEqual({});
  });

  it('saves what undo restored', async () => {
    const s = setup();
    const id = await openFresh(s);
    s.store.getState().change((st) => withAnswer(st, 'governanceMaturity', 'low'));
    await vi.advanceTimersByTimeAsync(SESSION_SAVE_DELAY_MS);
    s.store.getState().undo();
    await vi.advanceTimersByTimeAsync(SESSION_SAVE_DELAY_MS);
    const read = s.deps.workshopStates.get(id, '');
    expect(read.kind === 'read' && read.saved.state.answers).toEqual({});
  });

  it('reports a save conflict from another window and offers a reload that shows the other answers', async () => {
    const { s, id } = await conflictingSaves();
    expect(s.store.getState().sessionSaveState).toBe('error');
    expect(s.store.getState().sessionConflict).toBe(true);
    expect(s.store.getState().sessionSaveError).toMatch(/changed elsewhere/);
    await s.store.getState().loadSession(id);
    expect(s.store.getState().session?.answers).toEqual({ opsExpertise: 'low' });
  });

  it('keeps the other version of a conflicting save at hand for comparing, until the person chooses', async () => {
    const { s, id } = await conflictingSaves();
    expect(s.store.getState().sessionTheirs?.answers).toEqual({ opsExpertise: 'low' });
    expect(s.store.getState().session?.answers).toEqual({ opsExpertise: 'high' });
    await s.store.getState().keepSessionEdits();
    expect(s.store.getState()).toMatchObject({ sessionConflict: false, sessionTheirs: null, sessionSaveState: 'saved' });
    const read = s.deps.workshopStates.get(id, '');
    expect(read.kind === 'read' && read.saved.state.answers).toEqual({ opsExpertise: 'high' });
  });
});
