import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { invokeChannel, type HandlerDeps } from '../../../../electron/handlers';
import { fail, type ApiResult, type StratumApi } from '../../../../shared/contract';
import { type Workshop } from '../../../../shared/domain';
import { defaultPack } from '../../../../shared/engine';
import { AUTOSAVE_DELAY_MS, detailDifferences } from '../../../../renderer/stores/editor-slice';
import { parseRoute, routeToHash } from '../../../../renderer/stores/route';
import { createAppStore, type AppState } from '../../../../renderer/stores/store';
import { northwindRiskPack } from '../../../fixtures/packs/northwind-risk';
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
    // The save names what the field held when the typing started, so one over another tab's edit is refused.
    expect(updates).toEqual([{ channel: 'workshops.update', payload: { id: w.id, patch: { organisation: 'Contoso' }, base: { organisation: '' } } }]);
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

describe('workshop details in two tabs', () => {
  /** Two tabs (two stores) on one workshop in one database. */
  async function twoTabs() {
    const deps = tempDeps();
    const first = makeStore(deps);
    const w = await createAndOpen(first.store);
    const second = makeStore(deps);
    await second.store.getState().openWorkshop(w.id);
    return { deps, w, first: first.store, second: second.store, secondCalls: second.transport.calls };
  }

  async function edit(store: StoreApi<AppState>, fields: Partial<Record<'organisation' | 'facilitator' | 'description', string>>) {
    for (const [field, value] of Object.entries(fields)) store.getState().editField(field as 'organisation', value);
    await store.getState().flushSave();
  }

  it('refuses the second tab’s save over the first one’s edits to the same fields, keeping its text and showing both values', async () => {
    const { deps, w, first, second } = await twoTabs();
    await edit(first, { organisation: 'Fabrikam', facilitator: 'K. Lee' });
    await edit(second, { organisation: 'Contoso', facilitator: 'M. Okafor' });
    expect(second.getState().saveState).toBe('error');
    expect(second.getState().saveError).toMatch(/organisation and facilitator were changed elsewhere/);
    expect(second.getState().detailsConflict).toMatchObject({ organisation: 'Fabrikam', facilitator: 'K. Lee' });
    expect(second.getState().draft).toMatchObject({ organisation: 'Contoso', facilitator: 'M. Okafor' });
    expect(detailDifferences(second.getState().draft, second.getState().detailsConflict)).toEqual([
      { field: 'organisation', label: 'Organisation', mine: 'Contoso', theirs: 'Fabrikam' },
      { field: 'facilitator', label: 'Facilitator', mine: 'M. Okafor', theirs: 'K. Lee' },
    ]);
    expect(deps.workshops.get(w.id)).toMatchObject({ organisation: 'Fabrikam', facilitator: 'K. Lee' });
  });

  it('keeps both tabs’ edits to different fields, and shows the other tab’s in the form', async () => {
    const { deps, w, first, second } = await twoTabs();
    await edit(first, { organisation: 'Fabrikam' });
    await edit(second, { facilitator: 'M. Okafor' });
    expect(deps.workshops.get(w.id)).toMatchObject({ organisation: 'Fabrikam', facilitator: 'M. Okafor' });
    expect(second.getState().draft).toMatchObject({ organisation: 'Fabrikam', facilitator: 'M. Okafor' });
    expect(second.getState().saveState).toBe('saved');
    expect(second.getState().detailsConflict).toBeNull();
  });

  it('never writes back an old value of a field this tab did not touch when its save returns the other tab’s edit', async () => {
    const { deps, w, first, second } = await twoTabs();
    await edit(first, { facilitator: 'K. Lee' });
    await edit(second, { description: 'Typed in the second tab' });
    await second.getState().flushSave();
    expect(deps.workshops.get(w.id)).toMatchObject({ facilitator: 'K. Lee', description: 'Typed in the second tab' });
    expect(second.getState().draft?.facilitator).toBe('K. Lee');
  });

  it('sends nothing more while the person has not chosen, then keeps this tab’s edits over the other version', async () => {
    const { deps, w, first, second, secondCalls } = await twoTabs();
    await edit(first, { organisation: 'Fabrikam', facilitator: 'K. Lee' });
    await edit(second, { organisation: 'Contoso' });
    const sent = secondCalls.filter((c) => c.channel === 'workshops.update').length;
    await edit(second, { organisation: 'Contoso Ltd' });
    expect(secondCalls.filter((c) => c.channel === 'workshops.update')).toHaveLength(sent);
    expect(deps.workshops.get(w.id)?.organisation).toBe('Fabrikam');
    await second.getState().keepDetailsEdits();
    expect(second.getState()).toMatchObject({ detailsConflict: null, saveState: 'saved', saveError: null });
    // This tab's organisation replaces the other; the facilitator it never touched stays the other tab's.
    expect(deps.workshops.get(w.id)).toMatchObject({ organisation: 'Contoso Ltd', facilitator: 'K. Lee' });
    expect(second.getState().draft).toMatchObject({ organisation: 'Contoso Ltd', facilitator: 'K. Lee' });
  });

  it('takes the other version: the form shows it and this tab’s edits are dropped, not saved', async () => {
    const { deps, w, first, second, secondCalls } = await twoTabs();
    await edit(first, { organisation: 'Fabrikam', facilitator: 'K. Lee' });
    await edit(second, { organisation: 'Contoso', facilitator: 'M. Okafor' });
    await second.getState().takeOtherDetails();
    expect(second.getState()).toMatchObject({ detailsConflict: null, saveState: 'saved', draft: { organisation: 'Fabrikam', facilitator: 'K. Lee' } });
    const sent = secondCalls.filter((c) => c.channel === 'workshops.update').length;
    await second.getState().flushSave();
    expect(secondCalls.filter((c) => c.channel === 'workshops.update')).toHaveLength(sent);
    expect(deps.workshops.get(w.id)).toMatchObject({ organisation: 'Fabrikam', facilitator: 'K. Lee' });
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

  it('renames from the list without overwriting a title changed elsewhere since the list was read', async () => {
    const deps = tempDeps();
    const { store } = makeStore(deps);
    await store.getState().createWorkshop({ title: 'Draft' });
    await store.getState().loadWorkshops();
    const w = store.getState().workshops[0]!;
    // Another tab saves a title meanwhile; this list still shows "Draft".
    deps.workshops.update(w.id, { title: 'Q3 board review' }, new Date().toISOString());
    const refused = await store.getState().renameWorkshop(w.id, 'Board');
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('changed elsewhere') });
    expect(deps.workshops.get(w.id)?.title).toBe('Q3 board review');
    // The list now shows the other title, and a rename from it is saved.
    expect(store.getState().workshops.map((x) => x.title)).toEqual(['Q3 board review']);
    expect(await store.getState().renameWorkshop(w.id, 'Board')).toEqual({ ok: true });
    expect(deps.workshops.get(w.id)?.title).toBe('Board');
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
    expect(parseRoute(routeToHash({ name: 'packs' }))).toEqual({ name: 'packs' });
    expect(parseRoute('#/packs/extra')).toEqual({ name: 'home' });
  });

  it('navigate updates both the store and the hash', () => {
    const { store, hash } = makeStore(tempDeps());
    store.getState().navigate({ name: 'workshop', id: 'w1', step: 'setup' });
    expect(hash()).toBe('#/workshops/w1/setup');
    expect(store.getState().route).toEqual({ name: 'workshop', id: 'w1', step: 'setup' });
  });
});

describe('the rule pack library', () => {
  const teamPack = (version: string) => JSON.stringify(northwindRiskPack(version));

  it('imports a pack, lists it, shows what it changes, and hides that when the pack is removed', async () => {
    const { store } = makeStore(tempDeps());
    await store.getState().loadPacks();
    expect(store.getState().packs.map((p) => p.builtIn)).toEqual([true]);
    const imported = await store.getState().importPack('team.json', teamPack('1.0.0'));
    expect(imported).toMatchObject({ ok: true, imported: { outcome: 'new' } });
    expect(store.getState().packs.map((p) => `${p.id} ${p.version}`)).toEqual([`${defaultPack().pack.id} ${defaultPack().pack.packVersion}`, 'northwind-risk 1.0.0']);
    await store.getState().comparePack({ id: 'northwind-risk', version: '1.0.0' });
    expect(store.getState().comparison?.changes.rules.added.map((r) => r.id)).toEqual(['regulator.no-public-region']);
    expect(await store.getState().removePack({ id: 'northwind-risk', version: '1.0.0' })).toEqual({ ok: true });
    expect(store.getState().comparison).toBeNull();
    expect(store.getState().packs).toHaveLength(1);
  });

  it('passes a refusal on in words, and keeps the library as it was', async () => {
    const { store } = makeStore(tempDeps());
    await store.getState().loadPacks();
    const refused = await store.getState().importPack('notes.md', '# not a pack');
    expect(refused).toEqual({ ok: false, message: 'notes.md is a Markdown document, not a Stratum rule pack.' });
    expect(store.getState().packs).toHaveLength(1);
    expect(await store.getState().removePack({ id: defaultPack().pack.id, version: defaultPack().pack.packVersion })).toMatchObject({ ok: false, message: expect.stringContaining('built in') });
    // A comparison that cannot be made says why, for the pack it was asked for.
    await store.getState().comparePack({ id: 'northwind-risk', version: '9.9.9' });
    expect(store.getState().compareError).toEqual({ ref: { id: 'northwind-risk', version: '9.9.9' }, message: 'There is no rule pack northwind-risk 9.9.9 in this app.' });
    expect(store.getState().importing).toBe(false);
  });
});
