import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import { emptyWorkshopState, type RecordsExport, type SavedWorkshopState, type Workshop } from '../../../../shared/contract';
import type { DecisionRecord } from '../../../../shared/records';
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
    const imported = value<Workshop>(invokeChannel(other, 'workshops.import', { fileName: 'exported.stratum.json', content }, quiet));
    expect(imported).toMatchObject({ id: w.id, title: 'Exported', organisation: 'Litware', archived: false });
    const saved = value<SavedWorkshopState>(invokeChannel(other, 'workshopState.get', { id: w.id }, quiet));
    expect(saved.state).toEqual({ ...emptyWorkshopState(), ...state });
    const records = value<DecisionRecord[]>(invokeChannel(other, 'records.list', { id: w.id }, quiet));
    expect(records[0]?.status).toBe('accepted');
  });

  it('opens a file of a workshop that is already here as a copy, replacing nothing', () => {
    const { deps, w, content } = exported();
    const copy = value<Workshop>(invokeChannel(deps, 'workshops.import', { content }, quiet));
    expect(copy.id).not.toBe(w.id);
    expect(copy.title).toBe('Exported (copy)');
    expect(deps.workshops.get(w.id)?.title).toBe('Exported');
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
