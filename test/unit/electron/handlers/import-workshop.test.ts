import { describe, expect, it } from 'vitest';
import { invokeChannel, type HandlerDeps } from '../../../../electron/handlers';
import { type ImportedWorkshop, type RecordsExport } from '../../../../shared/contract';
import { emptyWorkshopState, type SavedWorkshopState, type Workshop, type WorkshopState } from '../../../../shared/domain';
import { defaultPack } from '../../../../shared/engine';
import type { DecisionRecord } from '../../../../shared/records';
import { evaluateWorkshop } from '../../../../shared/workshop';
import { dumpDatabase } from '../../hardening/hardening-support';
import { quiet, value } from '../../support/invoke';
import { tempDeps } from '../../support/temp-db';
import { expectEveryAnswerKept, V1_FIXTURES, v1Answers, v1State, v1WorkshopFile } from './v1-workshops';

const FRAUD = '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0001';
const ASSISTANT = '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0002';

function exported() {
  const deps = tempDeps();
  const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Exported', organisation: 'Litware' }, quiet));
  const state: WorkshopState = {
    ...emptyWorkshopState(),
    participants: [{ id: '11111111-1111-4111-8111-111111111111', name: 'K. Obi', role: 'CIO', involvement: 'decision-maker' as const }],
    answers: { opsExpertise: 'medium', existingOnPremCapacity: 'some' },
    useCases: [
      {
        id: FRAUD,
        name: 'Fraud scoring',
        description: 'Every card payment scored while it is authorised.',
        answers: { dataSensitivity: 'confidential', monthlyTrainingGpuHours: 500, requestsPerMonthNow: 200000, requestsPerMonthInProduction: 2000000 },
        dontKnow: ['dataResidency'],
        notes: { monthlyTrainingGpuHours: 'Nightly retraining' },
        roomChoices: { sourcing: { option: 'custom-platform', reason: 'Our own features' } },
      },
      { id: ASSISTANT, name: 'Support assistant', description: '', answers: { task: 'language-generation', usage: 'interactive' }, dontKnow: [], notes: {}, roomChoices: {} },
    ],
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
  version: number;
  workshop: Workshop;
  state: WorkshopState;
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
    expect(saved.state).toEqual(state);
    expect(saved.state.useCases.map((u) => u.name)).toEqual(['Fraud scoring', 'Support assistant']);
    const records = value<DecisionRecord[]>(invokeChannel(other, 'records.list', { id: w.id }, quiet));
    expect(records[0]).toMatchObject({ decision: 'deployment', status: 'accepted' });
  });

  it('writes version 2 files (in US dollars) that carry the use cases, and records of the organisation decisions only', () => {
    const { content } = exported();
    const doc = JSON.parse(content) as FileDoc;
    expect(doc.version).toBe(2);
    expect(doc.state.useCases.map((u) => u.id)).toEqual([FRAUD, ASSISTANT]);
    expect(doc.records?.map((r) => r.decision)).toEqual(defaultPack().organisationDecisions.map((d) => d.id));
  });

  it('opens its own exported file again as the same workshop, writing nothing, however often', () => {
    const { deps, w, content } = exported();
    const before = dumpDatabase(deps.db);
    const stored = deps.workshops.get(w.id)!;
    for (let i = 0; i < 2; i++) {
      const opened = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { fileName: 'exported.stratum.json', content }, quiet));
      expect(opened).toEqual({ ...stored, opened: 'existing', packNote: null });
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
    const useCases = (doc.state.useCases as Record<string, unknown>[]).map((u) => reversed({ ...u, answers: reversed(u.answers as Record<string, unknown>) }));
    doc.state = reversed({ ...doc.state, answers: reversed(doc.state.answers as Record<string, unknown>), useCases });
    expect(JSON.stringify(doc.state)).not.toBe(JSON.stringify((JSON.parse(content) as typeof doc).state));
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
    expect(copied.state.useCases[0]?.answers).toMatchObject({ monthlyTrainingGpuHours: 900 });
    expect(copied.state.useCases.map((u) => u.id)).toEqual([FRAUD, ASSISTANT]);
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: copy.id }, quiet))[0]).toMatchObject({ workshop: copy.id, status: 'accepted' });
  });

  it('shows the copy a changed file came in as when the same file is opened again, instead of making a second', () => {
    const { deps, content } = exported();
    const changed = content.replace('"monthlyTrainingGpuHours": 500', '"monthlyTrainingGpuHours": 900');
    const first = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: changed }, quiet));
    expect(first).toMatchObject({ title: 'Exported (copy)', opened: 'copy' });
    const before = dumpDatabase(deps.db);
    const again = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: changed }, quiet));
    expect(again).toMatchObject({ id: first.id, title: 'Exported (copy)', opened: 'existing' });
    expect(deps.workshops.count()).toBe(2);
    expect(dumpDatabase(deps.db)).toBe(before);
    // Archived meanwhile: opening the file brings that copy back.
    value(invokeChannel(deps, 'workshops.archive', { id: first.id, archived: true }, quiet));
    expect(value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: changed }, quiet))).toMatchObject({ id: first.id, opened: 'restored' });
    // Once the copy is edited it no longer holds what the file holds: the file comes in as a new copy.
    value(invokeChannel(deps, 'records.update', { id: first.id, decision: 'deployment', status: 'deprecated' }, quiet));
    const third = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: changed }, quiet));
    expect(third).toMatchObject({ title: 'Exported (copy)', opened: 'copy' });
    expect(third.id).not.toBe(first.id);
    expect(deps.workshops.count()).toBe(3);
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
    const newer = invokeChannel(other, 'workshops.import', { content: content.replace('"version": 2', '"version": 7') }, quiet);
    expect(newer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/version 7.*newer Stratum/) } });
    const badAnswer = invokeChannel(other, 'workshops.import', { content: content.replace('"confidential"', '"secret"') }, quiet);
    expect(badAnswer).toMatchObject({ ok: false, error: { issues: expect.arrayContaining([expect.objectContaining({ path: 'state.useCases.0.answers.dataSensitivity' })]) } });
    expect(other.workshops.count()).toBe(0);
  });

  it('opens a file whose use cases are in another order, or differ in one answer, as a copy', () => {
    const { deps, w, content } = exported();
    const reordered = expectCopy(deps, w.id, editedFile(content, (doc) => doc.state.useCases.reverse()));
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: reordered.id }, quiet)).state.useCases.map((u) => u.name)).toEqual([
      'Support assistant',
      'Fraud scoring',
    ]);
    const answered = expectCopy(deps, w.id, editedFile(content, (doc) => (doc.state.useCases[1]!.answers['latencyP95Ms'] = 2000)));
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: answered.id }, quiet)).state.useCases[1]?.answers).toEqual({
      task: 'language-generation',
      usage: 'interactive',
      latencyP95Ms: 2000,
    });
  });

  it('refuses a file whose answers sit at the wrong level, naming each field and where it belongs, and changes nothing', () => {
    const { content } = exported();
    const misplaced = editedFile(content, (doc) => {
      doc.state.answers['latencyP95Ms'] = 40;
      doc.state.useCases[0]!.answers['opsExpertise'] = 'high';
    });
    const other = tempDeps();
    const before = dumpDatabase(other.db);
    const result = invokeChannel(other, 'workshops.import', { fileName: 'moved.stratum.json', content: misplaced }, quiet);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/^moved\.stratum\.json does not fit this Stratum's rule pack: .*state\.answers\.latencyP95Ms is asked of each use case, not of the organisation/),
        issues: [
          { path: 'state.answers.latencyP95Ms', message: 'is asked of each use case, not of the organisation' },
          { path: 'state.useCases.0.answers.opsExpertise', message: 'is asked once for the organisation, not of a use case' },
        ],
      },
    });
    expect(dumpDatabase(other.db)).toBe(before);
  });
});

describe('opening a version 1 workshop file (before use cases)', () => {
  const ID = '5d0c6f7e-2a1b-4c3d-8e9f-0a1b2c3d4e5f';

  it.each(V1_FIXTURES)('%s: opens as one use case holding the workload answers, named for the organisation', (name) => {
    const deps = tempDeps();
    const opened = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { fileName: `${name}.stratum.json`, content: v1WorkshopFile(name, ID, 'Fabrikam') }, quiet));
    expect(opened).toMatchObject({ id: ID, organisation: 'Fabrikam', opened: 'new' });
    const { state } = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: ID }, quiet));
    expectEveryAnswerKept(v1Answers(name), state);
    expect(state.useCases[0]?.name).toBe('Fabrikam: all AI use cases');
    const v1 = v1State(name);
    expect(state.participants).toEqual(v1['participants']);
    expect(state.weights).toEqual(v1['weights']);
    expect(value<DecisionRecord[]>(invokeChannel(deps, 'records.list', { id: ID }, quiet))[0]).toMatchObject({ decision: 'deployment', status: 'accepted', date: '2025-03-14' });
    // The migrated workshop evaluates as a roadmap of that one use case.
    const { evaluation } = evaluateWorkshop(defaultPack(), state);
    expect(evaluation.useCases.map((u) => u.name)).toEqual(['Fabrikam: all AI use cases']);
    expect(evaluation.decisions.map((d) => d.id)).toEqual(defaultPack().organisationDecisions.map((d) => d.id));
  });

  it('opens the regulated bank on-premises, its fraud-scoring workload served in its own data centres', () => {
    const deps = tempDeps();
    value(invokeChannel(deps, 'workshops.import', { content: v1WorkshopFile('regulated-bank', ID, 'Northwind Bank') }, quiet));
    const { state } = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: ID }, quiet));
    const { evaluation } = evaluateWorkshop(defaultPack(), state);
    expect(evaluation.decisions.find((d) => d.id === 'deployment')?.recommended).toBe('on-premises');
    expect(evaluation.useCases[0]?.outcomes.find((o) => o.decision === 'serving-placement')?.option).toBe('on-premises');
  });

  it('opens the same version 1 file again as the same workshop, writing nothing; its version 2 export too', () => {
    const deps = tempDeps();
    const content = v1WorkshopFile('retail-startup', ID, 'Tailspin');
    expect(value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content }, quiet)).opened).toBe('new');
    const before = dumpDatabase(deps.db);
    // The migration gives the same use case (and id) every time, so the file is recognised as what is saved.
    expect(value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content }, quiet))).toMatchObject({ id: ID, opened: 'existing' });
    const v2 = exportFile(deps, ID);
    expect((JSON.parse(v2) as FileDoc).version).toBe(2);
    expect(value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content: v2 }, quiet))).toMatchObject({ id: ID, opened: 'existing' });
    expect(dumpDatabase(deps.db)).toBe(before);
    expect(deps.workshops.count()).toBe(1);
  });

  it('opens the version 1 file as a copy once the room has changed the migrated use case', () => {
    const deps = tempDeps();
    const content = v1WorkshopFile('support-assistant', ID, 'Contoso');
    value(invokeChannel(deps, 'workshops.import', { content }, quiet));
    const saved = value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: ID }, quiet));
    const [only] = saved.state.useCases;
    const edited = { ...saved.state, useCases: [{ ...only!, name: 'Customer-support assistant', answers: { ...only!.answers, task: 'language-generation' } }] };
    value(invokeChannel(deps, 'workshopState.save', { id: ID, state: edited, baseRevision: saved.revision }, quiet));
    const rows = dumpDatabase(deps.db);
    const copy = value<ImportedWorkshop>(invokeChannel(deps, 'workshops.import', { content }, quiet));
    expect(copy).toMatchObject({ opened: 'copy', organisation: 'Contoso' });
    expect(copy.id).not.toBe(ID);
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: ID }, quiet)).state).toEqual(edited);
    expect(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: copy.id }, quiet)).state.useCases.map((u) => u.name)).toEqual(['Contoso: all AI use cases']);
    expect(rows).not.toBe(dumpDatabase(deps.db));
  });

  it('refuses a version 1 file with an answer this Stratum does not know, naming it, and changes nothing', () => {
    const doc = JSON.parse(v1WorkshopFile('regulated-bank', ID, 'Northwind Bank')) as { state: { answers: Record<string, unknown> } };
    doc.state.answers['gpuVendor'] = 'nvidia';
    const deps = tempDeps();
    const result = invokeChannel(deps, 'workshops.import', { content: JSON.stringify(doc) }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'state.answers.gpuVendor', message: expect.stringMatching(/^is not a known question/) }] } });
    expect(deps.workshops.count()).toBe(0);
  });
});
