import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { invokeChannel, type HandlerDeps } from '../../../../electron/handlers';
import { fail, type ApiResult, type StratumApi } from '../../../../shared/contract';
import { type Workshop } from '../../../../shared/domain';
import { AUTOSAVE_DELAY_MS } from '../../../../renderer/stores/editor-slice';
import { parseRoute, routeToHash } from '../../../../renderer/stores/route';
import { createAppStore, type AppState } from '../../../../renderer/stores/store';
import { tempDeps } from '../../support/temp-db';

/** The real handlers behind an in-process API, with a switch to make the next calls fail. */
function inProcessApi(deps: HandlerDeps) {
  const calls: { channel: string; payload: unknown }[] = [];
  let failing = false;
  const api = new Proxy({} as StratumApi, {
    get: (_t, channel: string) => async (payload: unknown): Promise<ApiResult<unknown>> => {
      calls.push({ channel, payload });
      if (failing) return fail('unavailable', 'Stratum is not answering.');
      return invokeChannel(deps, channel, payload, () => undefined);
    },
  });
  return { api, calls, setFailing: (f: boolean) => (failing = f) };
}

function makeStore(deps: HandlerDeps) {
  const transport = inProcessApi(deps);
  let hash = '#/';
  const store = createAppStore({
    api: transport.api,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id), now: () => Date.now() },
    location: { getHash: () => hash, setHash: (h) => (hash = h) },
  });
  return { store, transport, hash: () => hash };
}

async function createAndOpen(store: StoreApi<AppState>): Promise<Workshop> {
  const created = await store.getState().createWorkshop({ title: 'Autosave test' });
  if (!created.ok) throw new Error(created.message);
  await store.getState().openWorkshop(created.workshop.id);
  return created.workshop;
}

describe('editor autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves a burst of typing once, after the pause', async () => {
    const deps = tempDeps();
    const { store, transport } = makeStore(deps);
    const w = await createAndOpen(store);
    for (const text of ['C', 'Co', 'Con', 'Cont', 'Contoso']) store.getState().editField('organisation', text);
    expect(store.getState().saveState).toBe('saving');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(transport.calls.filter((c) => c.channel === 'workshops.update')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    const updates = transport.calls.filter((c) => c.channel === 'workshops.update');
    expect(updates).toEqual([{ channel: 'workshops.update', payload: { id: w.id, patch: { organisation: 'Contoso' } } }]);
    expect(store.getState().saveState).toBe('saved');
    expect(deps.workshops.get(w.id)?.organisation).toBe('Contoso');
  });

  it('does not save a field the person left invalid, and says why', async () => {
    const deps = tempDeps();
    const { store, transport } = makeStore(deps);
    const w = await createAndOpen(store);
    store.getState().editField('title', '   ');
    expect(store.getState().fieldErrors.title).toBe('Title is required.');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(transport.calls.filter((c) => c.channel === 'workshops.update')).toHaveLength(0);
    expect(deps.workshops.get(w.id)?.title).toBe('Autosave test');
  });

  it('shows an error when a save fails, keeps the typing, and saves on retry', async () => {
    const deps = tempDeps();
    const { store, transport } = makeStore(deps);
    const w = await createAndOpen(store);
    transport.setFailing(true);
    store.getState().editField('facilitator', 'M. Okafor');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(store.getState().saveState).toBe('error');
    expect(store.getState().saveError).toBe('Stratum is not answering.');
    expect(store.getState().draft?.facilitator).toBe('M. Okafor');
    transport.setFailing(false);
    await store.getState().flushSave();
    expect(store.getState().saveState).toBe('saved');
    expect(deps.workshops.get(w.id)?.facilitator).toBe('M. Okafor');
  });

  it('saves pending edits before leaving the workshop', async () => {
    const deps = tempDeps();
    const { store } = makeStore(deps);
    const w = await createAndOpen(store);
    store.getState().editField('description', 'Typed just before leaving');
    await store.getState().closeWorkshop();
    expect(deps.workshops.get(w.id)?.description).toBe('Typed just before leaving');
  });
});

describe('workshop list', () => {
  it('lists, creates at the top, renames, archives out of the list and restores', async () => {
    const deps = tempDeps();
    const { store } = makeStore(deps);
    await store.getState().createWorkshop({ title: 'First' });
    await store.getState().createWorkshop({ title: 'Second' });
    await store.getState().loadWorkshops();
    expect(store.getState().workshops.map((w) => w.title)).toEqual(['Second', 'First']);
    const first = store.getState().workshops[1]!;
    expect(await store.getState().renameWorkshop(first.id, 'First, renamed')).toEqual({ ok: true });
    expect(store.getState().workshops.map((w) => w.title)).toEqual(['First, renamed', 'Second']);
    expect(await store.getState().setArchived(first.id, true)).toBe(true);
    expect(store.getState().workshops.map((w) => w.title)).toEqual(['Second']);
    await store.getState().setShowArchived(true);
    expect(store.getState().workshops.map((w) => [w.title, w.archived])).toEqual([
      ['First, renamed', true],
      ['Second', false],
    ]);
  });

  it('returns the field issues of a refused create', async () => {
    const { store } = makeStore(tempDeps());
    const result = await store.getState().createWorkshop({ title: 'ok', date: '31/12/2026' });
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'date', message: 'must be a date written YYYY-MM-DD' }] });
  });
});

describe('routes', () => {
  it('round-trips through the address bar and falls back to Setup for unknown steps', () => {
    const route = { name: 'workshop' as const, id: 'abc', step: 'setup' as const };
    expect(parseRoute(routeToHash(route))).toEqual(route);
    expect(parseRoute('#/workshops/abc/not-a-step')).toEqual(route);
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#token=xyz')).toEqual({ name: 'home' });
  });

  it('navigate updates both the store and the hash', () => {
    const { store, hash } = makeStore(tempDeps());
    store.getState().navigate({ name: 'workshop', id: 'w1', step: 'setup' });
    expect(hash()).toBe('#/workshops/w1/setup');
    expect(store.getState().route).toEqual({ name: 'workshop', id: 'w1', step: 'setup' });
  });
});
