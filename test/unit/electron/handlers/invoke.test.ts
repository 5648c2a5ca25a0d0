import { describe, expect, it, vi } from 'vitest';
import { handlers, invokeChannel, seedExampleOnFirstRun } from '../../../../electron/handlers';
import type { RecordsExport } from '../../../../shared/contract';
import type { SavedWorkshopState, Workshop } from '../../../../shared/domain';
import { defaultPack } from '../../../../shared/engine';
import type { DecisionRecord } from '../../../../shared/records';
import { evaluateWorkshop } from '../../../../shared/workshop';
import { quiet, value } from '../../support/invoke';
import { tempDeps } from '../../support/temp-db';

describe('the handler wrapper', () => {
  it('runs a valid call and returns the handler’s value', () => {
    const deps = tempDeps();
    const created = invokeChannel(deps, 'workshops.create', { title: '  Fabrikam AI  ', organisation: 'Fabrikam' }, quiet);
    expect(created.ok).toBe(true);
    const w = (created as { ok: true; value: Workshop }).value;
    expect(w.title).toBe('Fabrikam AI');
    expect(w.date).toBe('2026-03-01');
    expect(invokeChannel(deps, 'workshops.get', { id: w.id }, quiet)).toEqual({ ok: true, value: w });
  });

  it.each([
    ['workshops.create', { title: '' }, 'title', 'is required'],
    ['workshops.create', { title: 'x'.repeat(201) }, 'title', 'must be at most 200 characters'],
    ['workshops.create', { title: 'ok', date: '2026-02-30' }, 'date', 'must be a real calendar date (YYYY-MM-DD)'],
    ['workshops.create', { title: 'ok', date: 'tomorrow' }, 'date', 'must be a date written YYYY-MM-DD'],
    ['workshops.create', { title: 42 }, 'title', 'must be text'],
    ['workshops.get', { id: 'not-a-uuid' }, 'id', 'must be a workshop id (a UUID)'],
    ['workshops.archive', { id: '00000000-0000-4000-8000-000000000001' }, 'archived', ''],
    ['workshops.update', { id: '00000000-0000-4000-8000-000000000001', patch: { owner: 'me' } }, 'patch', 'owner'],
  ])('refuses %s with %j, naming the field, and never runs the handler', (channel, payload, path, message) => {
    const deps = tempDeps();
    const spy = vi.spyOn(handlers, channel as keyof typeof handlers);
    const result = invokeChannel(deps, channel, payload, quiet);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.issues?.[0]?.path).toBe(path);
      expect(result.error.issues?.[0]?.message).toContain(message);
      expect(result.error.message).toContain(`The request to ${channel} was refused`);
    }
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('answers an unknown channel (including inherited object keys) with not-found', () => {
    const deps = tempDeps();
    for (const name of ['workshops.delete', 'toString', '__proto__', 'constructor']) {
      const result = invokeChannel(deps, name, {}, quiet);
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('reports a missing workshop as not-found', () => {
    const result = invokeChannel(tempDeps(), 'workshops.update', { id: '00000000-0000-4000-8000-000000000999', patch: { title: 'x' } }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('turns a thrown bug into an internal error without leaking it, and logs it', () => {
    const deps = tempDeps();
    const log = vi.fn();
    deps.workshops.list = () => {
      throw new TypeError('boom at line 12');
    };
    const result = invokeChannel(deps, 'workshops.list', {}, log);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong in workshops.list. Your saved data is unchanged.' } });
    expect(log).toHaveBeenCalledOnce();
  });

  it('reports a database that refuses writes as a storage error a person can read, losing nothing saved', () => {
    const deps = tempDeps();
    invokeChannel(deps, 'workshops.create', { title: 'Saved before' }, quiet);
    deps.db.pragma('query_only = ON');
    const result = invokeChannel(deps, 'workshops.create', { title: 'Refused' }, quiet);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('storage');
      expect(result.error.message).toMatch(/^Stratum could not save or read your data: .*Nothing already saved was lost\.$/);
    }
    deps.db.pragma('query_only = OFF');
    expect(deps.workshops.list({ includeArchived: true }).map((w) => w.title)).toEqual(['Saved before']);
  });

  it('refuses a handler result outside the channel’s output schema', () => {
    const deps = tempDeps();
    deps.workshops.get = () => ({ id: 'nope' }) as unknown as Workshop;
    const result = invokeChannel(deps, 'workshops.get', { id: '00000000-0000-4000-8000-000000000001' }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('seeding the example workshop', () => {
  it('adds one example on the first run only, even after it is archived', () => {
    const deps = tempDeps();
    expect(seedExampleOnFirstRun(deps)).toBe(true);
    const [example] = deps.workshops.list({ includeArchived: true });
    expect(example).toMatchObject({ title: 'Example: Northwind Bank AI platform', organisation: 'Northwind Bank', archived: false });
    deps.workshops.setArchived(example!.id, true, '2026-03-02T00:00:00.000Z');
    expect(seedExampleOnFirstRun(deps)).toBe(false);
    expect(deps.workshops.count()).toBe(1);
  });

  it('leaves a database that already holds workshops without the example', () => {
    const deps = tempDeps();
    invokeChannel(deps, 'workshops.create', { title: 'Our own' }, quiet);
    seedExampleOnFirstRun(deps);
    expect(deps.workshops.list({ includeArchived: true }).map((w) => w.title)).toEqual(['Our own']);
    expect(seedExampleOnFirstRun(deps)).toBe(false);
  });

  it('fills the example in: five use cases of a bank, four participants with their own weights, the estate answered', () => {
    const deps = tempDeps();
    seedExampleOnFirstRun(deps);
    const [example] = deps.workshops.list({ includeArchived: false });
    const { state, revision } = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: example!.id }, quiet));
    expect(revision).toBe(1);
    expect(state.useCases.map((u) => u.name)).toEqual(['Card fraud scoring', 'Customer-service assistant', 'Credit memo summaries', 'Branch cash forecasting', 'Call transcription']);
    expect(new Set(state.useCases.map((u) => u.id)).size).toBe(5);
    for (const u of state.useCases) {
      expect(u.description, u.name).not.toBe('');
      expect(u.answers, u.name).toMatchObject({ task: expect.any(String), usage: expect.any(String), dataSensitivity: expect.any(String), requestsPerMonthInProduction: expect.any(Number) });
    }
    const pack = defaultPack();
    expect(state.participants).toHaveLength(4);
    for (const p of state.participants) expect(Object.keys(state.weights[p.id] ?? {}).sort(), p.name).toEqual(pack.criteria.map((c) => c.id).sort());
    expect(new Set(state.participants.map((p) => JSON.stringify(state.weights[p.id]))).size).toBe(4);
    // Every organisation question is answered; the use cases answer theirs (one latency is marked "don't know").
    const { evaluation } = evaluateWorkshop(pack, state);
    expect(evaluation.unanswered).toEqual([]);
    expect(state.useCases.flatMap((u) => u.dontKnow)).toEqual(['latencyP95Ms']);
    // It passes the checks any save passes, so the room can change it and save.
    expect(deps.checkState(state, pack)).toBeNull();
    expect(invokeChannel(deps, 'workshopState.save', { id: example!.id, state, baseRevision: 1 }, quiet)).toMatchObject({ ok: true, value: { revision: 2 } });
  });

  it('shows a bank that places its use cases differently: fraud scoring in its own data centre, so hybrid', () => {
    const deps = tempDeps();
    seedExampleOnFirstRun(deps);
    const [example] = deps.workshops.list({ includeArchived: false });
    const { state } = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: example!.id }, quiet));
    const { evaluation } = evaluateWorkshop(defaultPack(), state);
    expect(evaluation.useCases.map((u) => u.name)).toEqual(state.useCases.map((u) => u.name));
    const placement = (name: string) => evaluation.useCases.find((u) => u.name === name)?.outcomes.find((o) => o.decision === 'serving-placement')?.option;
    expect(placement('Card fraud scoring')).toBe('on-premises');
    expect(placement('Customer-service assistant')).toBe('cloud');
    expect(evaluation.decisions.find((d) => d.id === 'deployment')?.recommended).toBe('hybrid');
    for (const u of evaluation.useCases) for (const decision of ['sourcing', 'serving-placement', 'serving-mode']) expect(u.outcomes.find((o) => o.decision === decision)?.option, `${u.name} ${decision}`).toEqual(expect.any(String));
    // Its records and exports work from the first start.
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: example!.id }, quiet))).toHaveLength(5);
    const file = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: example!.id, format: 'html' }, quiet));
    expect(file.kind).toBe('file');
    if (file.kind === 'file') for (const u of state.useCases) expect(file.file.content).toContain(u.name);
  });
});
