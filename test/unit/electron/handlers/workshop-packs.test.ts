import { describe, expect, it } from 'vitest';
import { invokeChannel, type HandlerDeps } from '../../../../electron/handlers';
import type { ImportedWorkshop, Milestone, MovedWorkshopPack, PackMovePreview, PackSummary, RecordsExport, WorkshopPackSource } from '../../../../shared/contract';
import type { Workshop } from '../../../../shared/domain';
import { defaultPack, packFingerprint, type Pack } from '../../../../shared/engine';
import { dumpDatabase, sampleState } from '../../hardening/hardening-support';
import { northwindRiskPack, REGULATOR_RULE } from '../../../fixtures/packs/northwind-risk';
import { quiet, value } from '../../support/invoke';
import { tempDeps } from '../../support/temp-db';

function importPack(deps: HandlerDeps, version: string, change?: (p: Pack) => void): void {
  value(invokeChannel(deps, 'packs.import', { fileName: `northwind-${version}.json`, content: JSON.stringify(northwindRiskPack(version, change)) }, quiet));
}

/** 1.1.0 drops the regulator's constraint and no longer favours serving on premises: the fraud use case's serving moves. */
const withoutRegulator = (p: Pack) => {
  p.rules = p.rules.filter((r) => r.id !== REGULATOR_RULE);
  const onPremises = p.decisions.find((d) => d.id === 'serving-placement')!.options.find((o) => o.id === 'on-premises')!;
  onPremises.baseline = Object.fromEntries(Object.keys(onPremises.baseline ?? {}).map((c) => [c, 0]));
};

/** Whether the regulator's constraint took part in an evaluation (it names the rule where it fired). */
const regulated = (evaluation: unknown) => JSON.stringify(evaluation).includes(REGULATOR_RULE);

/** A workshop on northwind-risk `version`, with the sample answers (regulated data in its one use case) saved. */
function teamWorkshop(deps: HandlerDeps, version = '1.0.0'): Workshop {
  const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Risk review', pack: { id: 'northwind-risk', version } }, quiet));
  value(invokeChannel(deps, 'workshopState.save', { id: w.id, state: sampleState('Ada'), baseRevision: 0 }, quiet));
  return w;
}

/** The workshop file the app exports, parsed. */
function exported(deps: HandlerDeps, id: string): { text: string; json: { version: number; pack: { id: string; version: string; sha256: string; content?: unknown }; evaluation: { firedRules: string[] } } } {
  const r = value<RecordsExport>(invokeChannel(deps, 'records.export', { id, format: 'json' }, quiet));
  if (r.kind !== 'file') throw new Error('expected a file');
  return { text: r.file.content, json: JSON.parse(r.file.content) };
}

describe('a workshop on a team rule pack', () => {
  it('is created on a pack from the library, evaluates with it everywhere, and says so in every export', () => {
    const deps = tempDeps();
    importPack(deps, '1.0.0');
    const w = teamWorkshop(deps);
    expect(w.pack).toEqual({ id: 'northwind-risk', version: '1.0.0' });
    // The page gets the pack's JSON to compile; a built-in workshop gets none.
    const source = value<WorkshopPackSource>(invokeChannel(deps, 'packs.ofWorkshop', { id: w.id }, quiet));
    expect(source.pack).toMatchObject({ id: 'northwind-risk', version: '1.0.0', builtIn: false, usedBy: 1 });
    expect(JSON.parse(source.content!).id).toBe('northwind-risk');
    const plain = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Plain' }, quiet));
    expect(value<WorkshopPackSource>(invokeChannel(deps, 'packs.ofWorkshop', { id: plain.id }, quiet))).toMatchObject({ pack: { builtIn: true }, content: null });

    // The regulator's constraint fires in the export; the file names the pack by id, version and hash, and carries it.
    const sha256 = packFingerprint(northwindRiskPack('1.0.0'));
    const { json } = exported(deps, w.id);
    expect(regulated(json.evaluation)).toBe(true);
    expect(json.version).toBe(5);
    expect(json.pack).toMatchObject({ id: 'northwind-risk', version: '1.0.0', sha256 });
    expect(json.pack.content).toEqual(JSON.parse(JSON.stringify(northwindRiskPack('1.0.0'))));
    const report = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'html' }, quiet));
    expect(report.kind === 'file' && report.file.content).toContain(`Rule pack northwind-risk 1.0.0 (sha256 ${sha256.slice(0, 12)})`);
    const svg = value<{ content: string }>(invokeChannel(deps, 'diagram.export', { id: w.id, format: 'svg' }, quiet));
    expect(svg.content).toContain(`Rule pack northwind-risk 1.0.0 (sha256 ${sha256.slice(0, 12)})`);
    // A built-in workshop's file stays a version an earlier Stratum opens, and carries no pack.
    value(invokeChannel(deps, 'workshopState.save', { id: plain.id, state: sampleState('Ada'), baseRevision: 0 }, quiet));
    const builtInFile = exported(deps, plain.id).json;
    expect(builtInFile.version).toBe(2);
    expect(builtInFile.pack.content).toBeUndefined();
    expect(regulated(builtInFile.evaluation)).toBe(false);
  });

  it('refuses a pack the library does not have, naming the field', () => {
    const deps = tempDeps();
    const r = invokeChannel(deps, 'workshops.create', { title: 'Risk', pack: { id: 'northwind-risk', version: '9.0.0' } }, quiet);
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('import it on the Rule packs page first'), issues: [{ path: 'pack' }] } });
    expect(deps.workshops.count()).toBe(0);
    // The built-in pack named explicitly is the built-in pack.
    const builtIn = defaultPack().pack;
    expect(value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Plain', pack: { id: builtIn.id, version: builtIn.packVersion } }, quiet)).pack).toBeNull();
  });

  it('keeps a pack in use: it cannot be removed while any workshop (archived too) evaluates with it', () => {
    const deps = tempDeps();
    importPack(deps, '1.0.0');
    const w = teamWorkshop(deps);
    value(invokeChannel(deps, 'workshops.archive', { id: w.id, archived: true }, quiet));
    const before = dumpDatabase(deps.db);
    expect(invokeChannel(deps, 'packs.remove', { id: 'northwind-risk', version: '1.0.0' }, quiet)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'northwind-risk 1.0.0 cannot be removed: a workshop evaluates with it (“Risk review” (archived)). Move it to another version of the pack first.' },
    });
    expect(dumpDatabase(deps.db)).toBe(before);
    expect(value<PackSummary[]>(invokeChannel(deps, 'packs.list', {}, quiet)).find((p) => p.id === 'northwind-risk')?.usedBy).toBe(1);
  });

  it('previews a move to another version, then moves with a milestone that keeps the results of the old one', () => {
    const deps = tempDeps();
    importPack(deps, '1.0.0');
    importPack(deps, '1.1.0', withoutRegulator);
    const w = teamWorkshop(deps);
    const before = dumpDatabase(deps.db);
    const preview = value<PackMovePreview>(invokeChannel(deps, 'packs.previewMove', { id: w.id, pack: { id: 'northwind-risk', version: '1.1.0' } }, quiet));
    // A preview writes nothing.
    expect(dumpDatabase(deps.db)).toBe(before);
    expect(preview).toMatchObject({ from: { version: '1.0.0' }, to: { version: '1.1.0' }, refused: null, milestone: 'Before moving to Northwind risk function 1.1.0' });
    expect(preview.changes).toContainEqual({ title: 'Serving placement', useCase: 'Fraud scoring', from: 'On-premises', to: expect.any(String) });
    expect(preview.changes.every((c) => c.from !== c.to)).toBe(true);
    expect(preview.unchanged).toBeGreaterThan(0);

    const moved = value<MovedWorkshopPack>(invokeChannel(deps, 'packs.moveWorkshop', { id: w.id, pack: { id: 'northwind-risk', version: '1.1.0' }, milestone: preview.milestone, author: 'Ada' }, quiet));
    expect(moved.workshop.pack).toEqual({ id: 'northwind-risk', version: '1.1.0' });
    expect(moved.milestone).toMatchObject({ name: 'Before moving to Northwind risk function 1.1.0', packId: 'northwind-risk', packVersion: '1.0.0' });
    expect(regulated(exported(deps, w.id).json.evaluation)).toBe(false);
    // The milestone kept the old result: comparing it with now shows the same recommendations moving.
    const milestones = value<Milestone[]>(invokeChannel(deps, 'milestones.list', { id: w.id }, quiet));
    const compared = value<{ recommendations: { useCase?: { name: string }; to: string | null }[] }>(invokeChannel(deps, 'milestones.compare', { id: w.id, from: milestones[0]!.id, to: 'current' }, quiet));
    expect(compared.recommendations.length).toBe(preview.changes.length);
    // 1.0.0 is free to go now.
    expect(value<PackSummary[]>(invokeChannel(deps, 'packs.remove', { id: 'northwind-risk', version: '1.0.0' }, quiet)).map((p) => p.version)).toEqual([defaultPack().pack.packVersion, '1.1.0']);
  });

  it('lists a decision the other version no longer has as a change', () => {
    const deps = tempDeps();
    importPack(deps, '1.0.0');
    importPack(deps, '1.1.0', (p) => {
      p.decisions = p.decisions.filter((d) => d.id !== 'infrastructure-model');
      p.rules = p.rules.filter((r) => !JSON.stringify(r).includes('"infrastructure-model"'));
      delete p.expectations;
      delete p.checks;
    });
    const w = teamWorkshop(deps);
    const preview = value<PackMovePreview>(invokeChannel(deps, 'packs.previewMove', { id: w.id, pack: { id: 'northwind-risk', version: '1.1.0' } }, quiet));
    const title = defaultPack().decisions.find((d) => d.id === 'infrastructure-model')!.decision.title;
    expect(preview.changes).toContainEqual({ title, useCase: null, from: expect.any(String), to: 'Not in 1.1.0' });
  });

  it('moves only to another version of its own pack, writing nothing otherwise', () => {
    const deps = tempDeps();
    importPack(deps, '1.0.0');
    const w = teamWorkshop(deps);
    const plain = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Plain' }, quiet));
    const before = dumpDatabase(deps.db);
    expect(invokeChannel(deps, 'packs.previewMove', { id: w.id, pack: { id: 'northwind-risk', version: '1.0.0' } }, quiet)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Risk review already evaluates with northwind-risk 1.0.0.' } });
    expect(invokeChannel(deps, 'packs.moveWorkshop', { id: plain.id, pack: { id: 'northwind-risk', version: '1.0.0' }, milestone: 'M', author: '' }, quiet)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('moves between versions of its own rule pack') } });
    expect(invokeChannel(deps, 'packs.moveWorkshop', { id: w.id, pack: { id: 'northwind-risk', version: '2.0.0' }, milestone: 'M', author: '' }, quiet)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(dumpDatabase(deps.db)).toBe(before);
  });
});

describe('a workshop file on a team pack, opened in another app', () => {
  it('evaluates identically on a fresh data folder, bringing its pack into the library', () => {
    const a = tempDeps();
    importPack(a, '1.0.0');
    const w = teamWorkshop(a);
    const { text, json } = exported(a, w.id);

    const b = tempDeps();
    const opened = value<ImportedWorkshop>(invokeChannel(b, 'workshops.import', { fileName: 'risk.stratum.json', content: text }, quiet));
    expect(opened).toMatchObject({ id: w.id, opened: 'new', pack: { id: 'northwind-risk', version: '1.0.0' }, packNote: 'Rule pack Northwind risk function 1.0.0 came with the file and was added to this app’s rule packs.' });
    expect(value<PackSummary[]>(invokeChannel(b, 'packs.list', {}, quiet)).find((p) => p.id === 'northwind-risk')).toMatchObject({ version: '1.0.0', sha256: json.pack.sha256, fileName: 'risk.stratum.json', usedBy: 1 });
    const again = exported(b, w.id);
    expect(JSON.stringify(again.json.evaluation)).toBe(JSON.stringify(json.evaluation));
    // Opened a second time: the same workshop, nothing written.
    const before = dumpDatabase(b.db);
    expect(value<ImportedWorkshop>(invokeChannel(b, 'workshops.import', { fileName: 'risk.stratum.json', content: text }, quiet)).opened).toBe('existing');
    expect(dumpDatabase(b.db)).toBe(before);
  });

  it('says so when the receiving app has another version of the pack, and keeps the file’s', () => {
    const a = tempDeps();
    importPack(a, '1.0.0');
    const { text } = exported(a, teamWorkshop(a).id);
    const b = tempDeps();
    importPack(b, '1.1.0', withoutRegulator);
    const opened = value<ImportedWorkshop>(invokeChannel(b, 'workshops.import', { fileName: 'risk.stratum.json', content: text }, quiet));
    expect(opened.pack).toEqual({ id: 'northwind-risk', version: '1.0.0' });
    expect(opened.packNote).toContain('This app also has northwind-risk 1.1.0; the workshop keeps 1.0.0, as in the file');
    expect(regulated(exported(b, opened.id).json.evaluation)).toBe(true);
  });

  it('refuses, writing nothing, a file whose pack conflicts with the library’s or was changed after export', () => {
    const a = tempDeps();
    importPack(a, '1.0.0');
    const { text, json } = exported(a, teamWorkshop(a).id);
    const b = tempDeps();
    // Another pack under the same id and version.
    importPack(b, '1.0.0', withoutRegulator);
    const before = dumpDatabase(b.db);
    expect(invokeChannel(b, 'workshops.import', { fileName: 'risk.stratum.json', content: text }, quiet)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('this app has another pack under that id and version (imported from northwind-1.0.0.json)') },
    });
    const tampered = { ...json, pack: { ...json.pack, content: { ...(json.pack.content as object), title: 'Changed' } } };
    expect(invokeChannel(b, 'workshops.import', { fileName: 'risk.stratum.json', content: JSON.stringify(tampered) }, quiet)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'risk.stratum.json carries a rule pack other than the one it names (northwind-risk 1.0.0): the file was changed after it was exported.' },
    });
    // A version 4 file cannot carry a pack.
    expect(invokeChannel(b, 'workshops.import', { fileName: 'old.stratum.json', content: JSON.stringify({ ...json, version: 4 }) }, quiet)).toMatchObject({ ok: false, error: { message: expect.stringContaining('pack.content') } });
    expect(dumpDatabase(b.db)).toBe(before);
  });
});
