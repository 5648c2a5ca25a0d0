// The page's records, milestones, exports, workshop files and About facts go through the store: its slices call the
// API (here the real handlers in-process), components only read state and call actions.
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { invokeChannel, type HandlerDeps } from '../../../../electron/handlers';
import type { ApiResult, ExportedFile, StratumApi } from '../../../../shared/contract';
import { createAppStore, type AppState } from '../../../../renderer/stores/store';
import { tempDeps } from '../../support/temp-db';

/** The real handlers in-process; a channel named in `held` answers only once `release` is called. */
function makeStore(deps: HandlerDeps, held: string | null = null) {
  const calls: string[] = [];
  const waiting: (() => void)[] = [];
  const api = new Proxy({} as StratumApi, {
    get: (_t, channel: string) => async (payload: unknown): Promise<ApiResult<unknown>> => {
      calls.push(channel);
      if (channel === held) await new Promise<void>((resolve) => waiting.push(resolve));
      return invokeChannel(deps, channel, payload, () => undefined);
    },
  });
  const saved: ExportedFile[] = [];
  let hash = '#/';
  const store = createAppStore({
    api,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id), now: () => Date.now() },
    location: { getHash: () => hash, setHash: (h) => (hash = h) },
    saveFile: (file) => saved.push(file),
  });
  return { store, calls, saved, hash: () => hash, release: () => waiting.splice(0).forEach((go) => go()) };
}

async function openNew(store: StoreApi<AppState>, title = 'Contoso records') {
  const created = await store.getState().createWorkshop({ title });
  if (!created.ok) throw new Error(created.message);
  await store.getState().openWorkshop(created.workshop.id);
  return created.workshop;
}

describe('records and milestones in the store', () => {
  it('loads the open workshop’s records and moves one to a status, or keeps the reason it was refused', async () => {
    const { store } = makeStore(tempDeps());
    const w = await openNew(store);
    await store.getState().loadRecords(w.id);
    const records = store.getState().records!;
    expect(records.workshopId).toBe(w.id);
    expect(records.error).toBeNull();

    await store.getState().setRecordStatus('deployment', 'accepted');
    expect(store.getState().records!.list.find((r) => r.decision === 'deployment')?.status).toBe('accepted');

    await store.getState().setRecordStatus('no-such-decision', 'accepted');
    expect(store.getState().records!.error).toMatch(/no-such-decision|decision/);
    expect(store.getState().records!.list.find((r) => r.decision === 'deployment')?.status).toBe('accepted');

    // Reading the records again does not say the old failure again, nor does anything that has worked since.
    await store.getState().loadRecords(w.id);
    expect(store.getState().records!.error).toBeNull();
    await store.getState().setRecordStatus('no-such-decision', 'accepted');
    store.getState().clearRecordsError();
    expect(store.getState().records!.error).toBeNull();
  });

  it('drops an answer for a workshop that is no longer open', async () => {
    const { store, release } = makeStore(tempDeps(), 'records.list');
    const first = await openNew(store, 'First');
    const loading = store.getState().loadRecords(first.id);
    await openNew(store, 'Second');
    release();
    await loading;
    expect(store.getState().records).toBeNull();
  });

  it('saves a milestone of what is saved, refuses one without a name, and compares it with now', async () => {
    const { store, calls } = makeStore(tempDeps());
    const w = await openNew(store);
    expect(await store.getState().saveMilestone('  ', 'Dana')).toEqual({ ok: false, message: 'Name is required to save a milestone.' });
    expect(calls).not.toContain('milestones.create');

    expect(await store.getState().saveMilestone('Before the CISO joined', 'Dana')).toEqual({ ok: true });
    const milestones = store.getState().milestones!;
    expect(milestones.workshopId).toBe(w.id);
    expect(milestones.list.map((m) => m.name)).toEqual(['Before the CISO joined']);

    const compared = await store.getState().compareMilestones(milestones.list[0]!.id, 'current');
    expect(compared.ok).toBe(true);
    const unknown = await store.getState().compareMilestones('no-such-milestone', 'current');
    expect(unknown.ok).toBe(false);
  });
});

describe('exports in the store', () => {
  it('hands a single-file export to the person and says so; a folder export reports what it wrote', async () => {
    const { store, saved } = makeStore(tempDeps());
    await openNew(store);
    const json = await store.getState().exportRecords('json', '');
    expect(json).toMatchObject({ ok: true, outcome: { kind: 'file' } });
    expect(saved.map((f) => f.fileName)).toEqual(['contoso-records-workshop.stratum.json']);
    expect(store.getState().notice).toMatchObject({ message: 'Exported contoso-records-workshop.stratum.json.', tone: 'info' });

    const noFolder = await store.getState().exportRecords('madr', '');
    expect(noFolder).toEqual({ ok: false, message: 'Folder is required: the folder of your decision records, e.g. /home/you/project/docs/decisions.' });
    expect(saved).toHaveLength(1);
  });

  it('exports the stack diagram as saved, or says why not without saving a file', async () => {
    const { store, saved } = makeStore(tempDeps());
    await openNew(store);
    await store.getState().exportDiagram({ format: 'svg', scale: 2, background: 'white' });
    expect(saved.map((f) => [f.fileName, f.mimeType])).toEqual([['contoso-records-stack.svg', 'image/svg+xml']]);
    await store.getState().exportDiagram({ format: 'png', scale: 9, background: 'white' });
    expect(saved).toHaveLength(1);
    expect(store.getState().notice?.tone).toBe('error');
  });
});

describe('workshop files and the About facts in the store', () => {
  it('opens a workshop file: imported, listed and opened; a file that is not one says why', async () => {
    const { store, saved, hash } = makeStore(tempDeps());
    await openNew(store, 'Exported workshop');
    await store.getState().exportRecords('json', '');
    const file = saved[0]!;

    await store.getState().openWorkshopFile('not-a-workshop.json', '{"format":"something-else"}');
    expect(store.getState().notice?.tone).toBe('error');

    await store.getState().openWorkshopFile(file.fileName, file.content);
    const opened = store.getState().route;
    expect(opened.name).toBe('workshop');
    expect(hash()).toMatch(/^#\/workshops\/[0-9a-f-]+\/setup$/);
    expect(store.getState().workshops.map((w) => w.title)).toContain('Exported workshop');
  });

  it('reads the app’s facts for the About dialog', async () => {
    const { store } = makeStore(tempDeps());
    expect(store.getState().appInfo).toBeNull();
    await store.getState().loadAppInfo();
    expect(store.getState().appInfo).toMatchObject({ ok: true, info: { version: '0.0.0-test' } });
  });
});
