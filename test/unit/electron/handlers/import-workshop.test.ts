import { describe, expect, it } from 'vitest';
import { invokeChannel, type HandlerDeps } from '../../../../electron/handlers';
import { type ImportedWorkshop, type RecordsExport } from '../../../../shared/contract';
import { emptyWorkshopState, type SavedWorkshopState, type Workshop } from '../../../../shared/domain';
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
  return { deps, w, state, content: exportFile(deps, w.id) };
}

/** The workshop's `stratum.workshop` file, as records.export writes it. */
function exportFile(deps: HandlerDeps, id: string): string {
  const file = value<RecordsExport>(invokeChannel(deps, 'records.export', { id, format: 'json' }, quiet));
  if (file.kind !== 'file') throw new Error('expected a file');
  return file.file.content;
}

interface FileDoc {
  workshop: Workshop;
  state: unknown;
  records?: DecisionRecord[];
}

/** The rows of one workshop (details, state, records) as they are stored, times included. */
function rowsOf(deps: HandlerDeps, id: string): string {
  return JSON.stringify([
    deps.db.prepare('SELECT * FROM workshops WHERE id = ?').raw().all(id),
    deps.db.prepare('SELECT * FROM workshop_state WHERE workshop_id = ?').raw().all(id),
    deps.db.prepare('SELECT * FROM decision_records WHERE workshop_id = ? ORDER BY decision_id').raw().all(id),
  ]);
}

function recordOf(doc: FileDoc, decision: string): DecisionRecord {
  const record = doc.records?.find((r) => r.decision === decision);
  if (!record) throw new Error(`the file has no ${decision} record`);
  return record;
}

/**
 * Opens `content` in the Stratum that holds its workshop: it must come in as a copy, every row of the
 * stored workshop left exactly as it was (times included).
 */
function expectCopy(deps: HandlerDeps, id: string, content: string): ImportedWorkshop {
  const before = rowsOf(deps, id);
  const count = deps.workshops.count();
  const opened = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content }, quiet));
  expect(opened).toMatchObject({ opened: 'copy', archived: false });
  expect(opened.id).not.toBe(id);
  expect(deps.workshops.count()).toBe(count + 1);
  expect(rowsOf(deps, id)).toBe(before);
  return opened;
}

/** The exported file with one edit made to it, and the check that the edit makes it differ from what is saved. */
function editedFile(content: string, edit: (doc: FileDoc) => void): string {
  const doc = JSON.parse(content) as FileDoc;
  edit(doc);
  const edited = JSON.stringify(doc, null, 2);
  expect(edited).not.toBe(JSON.stringify(JSON.parse(content), null, 2));
  return edited;
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

  // Each of these files differs from the saved workshop in one part of it only: leaving that part out of the
  // comparison would show the saved workshop and drop what the file holds.
  it.each([
    ['facilitator', 'B. Adeyemi'],
    ['date', '2026-02-27'],
    ['description', 'Where inference runs once the pilot ends.'],
  ] as const)('opens a file whose %s alone differs from the saved one as a copy that keeps it', (field, changed) => {
    const { deps, w, content } = exported();
    expect(w[field]).not.toBe(changed);
    const copy = expectCopy(deps, w.id, editedFile(content, (doc) => (doc.workshop[field] = changed)));
    expect(copy).toMatchObject({ title: 'Exported (copy)', organisation: 'Litware', [field]: changed });
    expect(deps.workshops.get(w.id)?.[field]).toBe(w[field]);
  });

  it("opens a file whose record differs from the saved one only in its date as a copy with the file's date", () => {
    const { deps, w, content } = exported();
    const saved = deps.records.get(w.id, 'deployment');
    expect(saved).toMatchObject({ status: 'accepted', date: '2026-03-01' });
    const copy = expectCopy(deps, w.id, editedFile(content, (doc) => (recordOf(doc, 'deployment').date = '2026-02-20')));
    expect(deps.records.get(copy.id, 'deployment')).toEqual({ ...saved, workshop: copy.id, date: '2026-02-20' });
    expect(deps.records.get(w.id, 'deployment')).toEqual(saved);
  });

  it('opens its file as a copy when its record came to supersede another one here after the export (only the link differs)', () => {
    const { deps, w, content } = exported();
    const pilot = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Pilot 2025' }, quiet));
    value(invokeChannel(deps, 'records.update', { id: pilot.id, decision: 'deployment', status: 'accepted' }, quiet));
    value(invokeChannel(deps, 'records.update', { id: pilot.id, decision: 'deployment', status: 'superseded', supersededBy: { workshop: w.id, decision: 'deployment' } }, quiet));
    const saved = deps.records.get(w.id, 'deployment');
    const inFile = recordOf(JSON.parse(content) as FileDoc, 'deployment');
    // Same status and date: the saved record only gained the link to the record it replaced.
    expect(saved).toEqual({ ...inFile, supersedes: [{ workshop: pilot.id, decision: 'deployment' }] });
    const copy = expectCopy(deps, w.id, content);
    expect(deps.records.get(copy.id, 'deployment')).toEqual({ ...inFile, workshop: copy.id, supersedes: [] });
    expect(deps.records.get(w.id, 'deployment')).toEqual(saved);
    expect(deps.records.get(pilot.id, 'deployment')).toMatchObject({ status: 'superseded', supersededBy: { workshop: w.id, decision: 'deployment' } });
  });

  it('opens a file whose superseded record names another replacement than the saved one as a copy (only supersededBy differs)', () => {
    const { deps, w } = exported();
    const replacements = ['Platform 2027', 'Platform 2028'].map((title) => {
      const r = value<Workshop>(invokeChannel(deps, 'workshops.create', { title }, quiet));
      value(invokeChannel(deps, 'records.update', { id: r.id, decision: 'deployment', status: 'accepted' }, quiet));
      return r;
    });
    const [first, second] = replacements as [Workshop, Workshop];
    value(invokeChannel(deps, 'records.update', { id: w.id, decision: 'deployment', status: 'superseded', supersededBy: { workshop: first.id, decision: 'deployment' } }, quiet));
    const content = exportFile(deps, w.id);
    // The file's own export is the saved workshop; the same file naming the other replacement is not.
    expect(value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content }, quiet))).toMatchObject({ id: w.id, opened: 'existing' });
    const saved = deps.records.get(w.id, 'deployment');
    expect(saved).toMatchObject({ status: 'superseded', supersededBy: { workshop: first.id, decision: 'deployment' } });
    const copy = expectCopy(deps, w.id, editedFile(content, (doc) => (recordOf(doc, 'deployment').supersededBy = { workshop: second.id, decision: 'deployment' })));
    expect(deps.records.get(copy.id, 'deployment')).toEqual({ ...saved, workshop: copy.id, supersededBy: { workshop: second.id, decision: 'deployment' } });
    expect(deps.records.get(w.id, 'deployment')).toEqual(saved);
  });

  it('opens its own file as a copy when the saved answers cannot be read, leaving them as they are', () => {
    const { deps, w, state, content } = exported();
    // Hand-edited data: valid JSON (the table's check) that is not a workshop state.
    deps.db.prepare('UPDATE workshop_state SET state = ? WHERE workshop_id = ?').run('{"answers":"lost"}', w.id);
    expect(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet)).toMatchObject({ ok: false });
    const copy = expectCopy(deps, w.id, content);
    expect(copy.title).toBe('Exported (copy)');
    expect(deps.db.prepare('SELECT state FROM workshop_state WHERE workshop_id = ?').pluck().get(w.id)).toBe('{"answers":"lost"}');
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: copy.id }, quiet)).state).toEqual({ ...emptyWorkshopState(), ...state });
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: copy.id }, quiet))[0]).toMatchObject({ workshop: copy.id, status: 'accepted' });
  });

  it('opens its own file as a copy when a saved record cannot be read, leaving it as it is', () => {
    const { deps, w, content } = exported();
    deps.db.prepare('UPDATE decision_records SET record = ? WHERE workshop_id = ? AND decision_id = ?').run('{"status":"decided"}', w.id, 'deployment');
    expect(invokeChannel(deps, 'records.list', { id: w.id }, quiet)).toMatchObject({ ok: false, error: { code: 'storage' } });
    const copy = expectCopy(deps, w.id, content);
    expect(deps.db.prepare('SELECT record FROM decision_records WHERE workshop_id = ? AND decision_id = ?').pluck().get(w.id, 'deployment')).toBe('{"status":"decided"}');
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: copy.id }, quiet))[0]).toMatchObject({ workshop: copy.id, status: 'accepted' });
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
