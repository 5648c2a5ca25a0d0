import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import { emptyWorkshopState, type ImportedWorkshop, type RecordsExport, type SavedWorkshopState, type Workshop } from '../../../../shared/contract';
import type { DecisionRecord } from '../../../../shared/records';
import { dumpDatabase } from '../../hardening/hardening-support';
import { tempDeps } from '../../support/temp-db';

const quiet = () => undefined;

function value<T>(r: ReturnType<typeof invokeChannel>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

function exported() {
  const deps = tempDeps();
  const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Exported', organisation: 'Litware' }, quiet));
  const state = {
    ...emptyWorkshopState(),
    participants: [{ id: '11111111-1111-4111-8111-111111111111', name: 'K. Obi', role: 'CIO', involvement: 'decision-maker' as const }],
    answers: { dataSensitivity: 'confidential', monthlyTrainingGpuHours: 500, monthlyInferenceRequests: 200000 },
    weights: { '11111111-1111-4111-8111-111111111111': { cost: 5 } },
  };
  value(invokeChannel(deps, 'workshopState.save', { id: w.id, state, baseRevision: 0 }, quiet));
  value(invokeChannel(deps, 'records.update', { id: w.id, decision: 'deployment', status: 'accepted' }, quiet));
  const file = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'json' }, quiet));
  if (file.kind !== 'file') throw new Error('expected a file');
  return { deps, w, state, content: file.file.content };
}

describe('opening a workshop file', () => {
  it('brings back the workshop, its answers, weights, participants and record statuses', () => {
    const { w, state, content } = exported();
    const other = tempDeps();
    const imported = value<ImportedWorkshop>(invokeChannel(other, 'workshops.import', { fileName: 'exported.stratum.json', content }, quiet));
    expect(imported).toMatchObject({ id: w.id, title: 'Exported', organisation: 'Litware', archived: false, opened: 'new' });
    const saved = value<SavedWorkshopState>(invokeChannel(other, 'workshopState.get', { id: w.id }, quiet));
    expect(saved.state).toEqual({ ...emptyWorkshopState(), ...state });
    const records = value<DecisionRecord[]>(invokeChannel(other, 'records.list', { id: w.id }, quiet));
    expect(records[0]?.status).toBe('accepted');
  });

  it('opens its own exported file again as the same workshop, writing nothing, however often', () => {
    const { deps, w, content } = exported();
    const before = dumpDatabase(deps.db);
    const stored = deps.workshops.get(w.id)!;
    for (let i = 0; i < 2; i++) {
      const opened = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { fileName: 'exported.stratum.json', content }, quiet));
      expect(opened).toEqual({ ...stored, opened: 'existing' });
    }
    expect(deps.workshops.count()).toBe(1);
    expect(deps.workshops.get(w.id)?.updatedAt).toBe(stored.updatedAt);
    expect(dumpDatabase(deps.db)).toBe(before);
  });

  it('opens the same file twice in another Stratum as one workshop: added once, then shown as it is', () => {
    const { w, content } = exported();
    const other = tempDeps();
    const first = value<ImportedWorkshop>(invokeChannel(other, 'workshops.import', { content }, quiet));
    const after = dumpDatabase(other.db);
    const second = value<ImportedWorkshop>(invokeChannel(other, 'workshops.import', { content }, quiet));
    expect([first.opened, second.opened]).toEqual(['new', 'existing']);
    expect(second).toEqual({ ...first, opened: 'existing' });
    expect(second.id).toBe(w.id);
    expect(other.workshops.count()).toBe(1);
    expect(dumpDatabase(other.db)).toBe(after);
  });

  it('compares the state canonically: the same answers in another key order are the same file', () => {
    const { deps, w, content } = exported();
    const doc = JSON.parse(content) as { state: Record<string, unknown> };
    const reversed = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).reverse());
    doc.state = reversed({ ...doc.state, answers: reversed(doc.state.answers as Record<string, unknown>) });
    const before = dumpDatabase(deps.db);
    const opened = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: JSON.stringify(doc) }, quiet));
    expect(opened).toMatchObject({ id: w.id, opened: 'existing' });
    expect(dumpDatabase(deps.db)).toBe(before);
  });

  it('opens a file whose answers differ from the saved ones as a copy, leaving the saved workshop untouched', () => {
    const { deps, w, content } = exported();
    const stored = deps.workshops.get(w.id)!;
    const savedBefore = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet));
    const recordsBefore = value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: w.id }, quiet));
    const changed = content.replace('"monthlyTrainingGpuHours": 500', '"monthlyTrainingGpuHours": 900');
    expect(changed).not.toBe(content);
    const copy = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: changed }, quiet));
    expect(copy).toMatchObject({ title: 'Exported (copy)', organisation: 'Litware', archived: false, opened: 'copy' });
    expect(copy.id).not.toBe(w.id);
    expect(deps.workshops.count()).toBe(2);
    expect(deps.workshops.get(w.id)).toEqual(stored);
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet))).toEqual(savedBefore);
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: w.id }, quiet))).toEqual(recordsBefore);
    const copied = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: copy.id }, quiet));
    expect(copied.state.answers).toMatchObject({ monthlyTrainingGpuHours: 900 });
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: copy.id }, quiet))[0]).toMatchObject({ workshop: copy.id, status: 'accepted' });
  });

  it('opens a file as a copy when a record status or a detail changed here since the export', () => {
    const { deps, w, content } = exported();
    value(invokeChannel(deps, 'records.update', { id: w.id, decision: 'deployment', status: 'deprecated' }, quiet));
    const afterStatus = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content }, quiet));
    expect(afterStatus).toMatchObject({ title: 'Exported (copy)', opened: 'copy' });
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: w.id }, quiet))[0]?.status).toBe('deprecated');

    const renamed = exported();
    value(invokeChannel(renamed.deps, 'workshops.update', { id: renamed.w.id, patch: { title: 'Exported, final' } }, quiet));
    const afterRename = value<ImportedWorkshop>(invokeChannel(renamed.deps, 'workshops.import', { content: renamed.content }, quiet));
    expect(afterRename).toMatchObject({ title: 'Exported (copy)', opened: 'copy' });
    expect(renamed.deps.workshops.get(renamed.w.id)?.title).toBe('Exported, final');
  });

  it('ignores the records when the file carries none, and treats a record the file leaves out as proposed', () => {
    const { deps, w, content } = exported();
    const doc = JSON.parse(content) as { records?: DecisionRecord[] };
    const withoutRecords = { ...doc };
    delete withoutRecords.records;
    expect(value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: JSON.stringify(withoutRecords) }, quiet))).toMatchObject({ id: w.id, opened: 'existing' });
    // Without the accepted deployment record the file would give a proposed one: not what is here.
    const lessRecords = { ...doc, records: doc.records!.filter((r) => r.decision !== 'deployment') };
    expect(value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: JSON.stringify(lessRecords) }, quiet))).toMatchObject({ opened: 'copy' });
  });

  it('restores an archived workshop when its own unchanged file is opened, so the person sees it in the list', () => {
    const { deps, w, content } = exported();
    value(invokeChannel(deps, 'workshops.archive', { id: w.id, archived: true }, quiet));
    const savedBefore = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet));
    const opened = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content }, quiet));
    expect(opened).toMatchObject({ id: w.id, title: 'Exported', archived: false, opened: 'restored' });
    expect(deps.workshops.count()).toBe(1);
    expect(value<Workshop[]>(invokeChannel(deps, 'workshops.list', {}, quiet)).map((x) => x.id)).toEqual([w.id]);
    // Only the archived flag changed: the answers (and their revision) are as they were.
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet))).toEqual(savedBefore);
    // Opened once more, it is simply there.
    expect(value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content }, quiet))).toMatchObject({ id: w.id, opened: 'existing' });
  });

  it('leaves an archived workshop archived when a different file of it is opened as a copy', () => {
    const { deps, w, content } = exported();
    value(invokeChannel(deps, 'workshops.archive', { id: w.id, archived: true }, quiet));
    const archived = deps.workshops.get(w.id)!;
    const copy = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: content.replace('"confidential"', '"public"') }, quiet));
    expect(copy).toMatchObject({ title: 'Exported (copy)', archived: false, opened: 'copy' });
    expect(deps.workshops.get(w.id)).toEqual(archived);
  });

  it('refuses a damaged or foreign file with the path of the problem, and changes nothing', () => {
    const { content } = exported();
    const other = tempDeps();
    const truncated = invokeChannel(other, 'workshops.import', { fileName: 'cut.json', content: content.slice(0, content.length / 2) }, quiet);
    expect(truncated).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^cut\.json could not be opened/) } });
    const newer = invokeChannel(other, 'workshops.import', { content: content.replace('"version": 1', '"version": 7') }, quiet);
    expect(newer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/version 7.*newer Stratum/) } });
    const badAnswer = invokeChannel(other, 'workshops.import', { content: content.replace('"confidential"', '"secret"') }, quiet);
    expect(badAnswer).toMatchObject({ ok: false, error: { issues: expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('dataSensitivity') })]) } });
    expect(other.workshops.count()).toBe(0);
  });
});
