import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannel, invokeChannelAsync } from '../../../../electron/handlers';
import { type ImportedWorkshop, type RecordsExport } from '../../../../shared/contract';
import { emptyWorkshopState, type SavedWorkshopState, type UseCase, type Workshop, type WorkshopState } from '../../../../shared/domain';
import { parseWorkshopFile } from '../../../../shared/records';
import { quiet, value } from '../../support/invoke';
import { tempDeps, tempDir } from '../../support/temp-db';
import { expectEveryAnswerKept, v1Answers, v1State } from './v1-workshops';

const blankUseCase: Omit<UseCase, 'id' | 'name' | 'answers'> = { description: '', dontKnow: [], notes: {}, roomChoices: {} };

function setup() {
  const deps = tempDeps();
  const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Contoso records' }, quiet));
  const state: WorkshopState = {
    ...emptyWorkshopState(),
    answers: { existingOnPremCapacity: 'significant', opsExpertise: 'high' },
    useCases: [
      { ...blankUseCase, id: '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0001', name: 'Card fraud scoring', answers: { task: 'tabular-prediction', usage: 'interactive', latencyP95Ms: 30, dataSensitivity: 'regulated', dataLocation: 'on-premises' } },
      { ...blankUseCase, id: '4b1f0c7e-2d3a-4e5f-8a9b-0c1d2e3f0002', name: 'Catalogue image tagging', answers: { task: 'vision', usage: 'batch', dataSensitivity: 'public', dataLocation: 'cloud' } },
    ],
  };
  value(invokeChannel(deps, 'workshopState.save', { id: w.id, state, baseRevision: 0 }, quiet));
  return { deps, w };
}

describe('records export', () => {
  it('writes MADR files after the folder’s own numbering, leaves other files alone, and updates in place next time', () => {
    const { deps, w } = setup();
    const folder = tempDir();
    const foreign = '# 1. Use PostgreSQL\n\nA record the team wrote by hand.\n';
    fs.writeFileSync(path.join(folder, '0001-use-postgresql.md'), foreign);
    const first = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'madr', folder }, quiet));
    expect(first.kind).toBe('folder');
    if (first.kind !== 'folder') return;
    const created = first.files.filter((f) => f.action === 'create').map((f) => f.name);
    // One record per organisation decision: the use cases' own decisions are told inside them.
    expect(created).toEqual(['0002-deployment.md', '0003-cloud-strategy.md', '0004-infrastructure-model.md', '0005-inference-mode.md', '0006-ai-sourcing.md', 'index.md']);
    expect(fs.readFileSync(path.join(folder, '0001-use-postgresql.md'), 'utf8')).toBe(foreign);
    const deployment = fs.readFileSync(path.join(folder, '0002-deployment.md'), 'utf8');
    expect(deployment).toMatch(/^---\nstatus: proposed\n/);
    expect(deployment).toMatch(/\| Card fraud scoring \| On-premises \|/);
    expect(deployment).toMatch(/\| Catalogue image tagging \| Public cloud/);

    value(invokeChannel(deps, 'records.update', { id: w.id, decision: 'deployment', status: 'accepted' }, quiet));
    const second = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'madr', folder }, quiet));
    if (second.kind !== 'folder') throw new Error('expected a folder export');
    expect(second.files.find((f) => f.name === '0002-deployment.md')?.action).toBe('update');
    expect(second.files.filter((f) => f.action === 'create')).toEqual([]);
    expect(fs.readFileSync(path.join(folder, '0002-deployment.md'), 'utf8')).toMatch(/^---\nstatus: accepted\n/);
    expect(fs.readdirSync(folder).filter((n) => n.includes('stratum-tmp'))).toEqual([]);
  });

  it('asks for a full folder path for MADR and adr-tools exports', () => {
    const { deps, w } = setup();
    expect(invokeChannel(deps, 'records.export', { id: w.id, format: 'nygard' }, quiet)).toMatchObject({ ok: false, error: { issues: [{ path: 'folder' }] } });
    expect(invokeChannel(deps, 'records.export', { id: w.id, format: 'madr', folder: 'docs/decisions' }, quiet)).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'folder', message: expect.stringMatching(/full path/) }] },
    });
  });

  it('reports a folder it may not write to, and writes nothing', () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; a path under a regular file can never be a folder.
      const { deps, w } = setup();
      const file = path.join(tempDir(), 'not-a-folder');
      fs.writeFileSync(file, 'x');
      const result = invokeChannel(deps, 'records.export', { id: w.id, format: 'madr', folder: path.join(file, 'decisions') }, quiet);
      expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
      return;
    }
    const { deps, w } = setup();
    const folder = tempDir();
    fs.chmodSync(folder, 0o500);
    const result = invokeChannel(deps, 'records.export', { id: w.id, format: 'madr', folder }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/cannot write the file: permission denied \(choose a folder you can write to\)/) } });
    fs.chmodSync(folder, 0o700);
  });

  it('exports the whole workshop as JSON that reads back, and HTML and CSV files', () => {
    const { deps, w } = setup();
    const json = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'json' }, quiet));
    if (json.kind !== 'file') throw new Error('expected a file');
    expect(json.file.fileName).toBe('contoso-records-workshop.stratum.json');
    const parsed = parseWorkshopFile(json.file.content);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.version).toBe(2);
      expect(parsed.value.state).toEqual(value<SavedWorkshopState>(invokeChannel(deps, 'workshopState.get', { id: w.id }, quiet)).state);
      expect(parsed.value.records?.map((r) => r.decision)).toEqual(['deployment', 'cloud-strategy', 'infrastructure-model', 'inference-mode', 'ai-sourcing']);
    }
    const html = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'html' }, quiet));
    expect(html.kind === 'file' && html.file.content).toMatch(/^<!DOCTYPE html>/i);
    // The report shows the roadmap: each use case by name.
    expect(html.kind).toBe('file');
    if (html.kind === 'file') for (const name of ['Card fraud scoring', 'Catalogue image tagging']) expect(html.file.content).toContain(name);
    const csv = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'csv' }, quiet));
    expect(csv.kind === 'file' && csv.file.content.split('\r\n')[0]).toBe('"Summary","Description","Priority","Decision","Risk"');
  });
});

describe('records of a workshop saved before use cases', () => {
  it('exports it as a version 2 file holding its migrated use case, which opens elsewhere with every answer', () => {
    const deps = tempDeps();
    const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Before the upgrade', organisation: 'Tailspin Toys' }, quiet));
    deps.db.prepare('INSERT INTO workshop_state (workshop_id, state, revision, updated_at) VALUES (?, ?, 2, ?)').run(w.id, JSON.stringify(v1State('retail-startup')), '2025-06-01T10:00:00.000Z');
    const json = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'json' }, quiet));
    if (json.kind !== 'file') throw new Error('expected a file');
    const parsed = parseWorkshopFile(json.file.content);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value.version).toBe(2);
    expectEveryAnswerKept(v1Answers('retail-startup'), parsed.value.state);
    expect(parsed.value.state.useCases[0]?.name).toBe('Tailspin Toys: all AI use cases');
    const other = tempDeps();
    expect(value<ImportedWorkshop>(invokeChannel(other, 'workshops.import', { content: json.file.content }, quiet))).toMatchObject({ id: w.id, opened: 'new' });
    expect(value<SavedWorkshopState>(invokeChannel(other, 'workshopState.get', { id: w.id }, quiet)).state).toEqual(parsed.value.state);
  });
});

describe('records as PDF', () => {
  it('prints the HTML report through the injected printer and hands back a PDF file', async () => {
    const { deps, w } = setup();
    let printed = '';
    deps.printPdf = async (html) => {
      printed = html;
      return { ok: true, pdf: new TextEncoder().encode('%PDF-1.7 test') };
    };
    const result = await invokeChannelAsync(deps, 'records.pdf', { id: w.id }, quiet);
    expect(result).toMatchObject({ ok: true, value: { fileName: 'contoso-records-report.pdf', mimeType: 'application/pdf', encoding: 'base64' } });
    expect(printed).toMatch(/^<!DOCTYPE html>/i);
    if (result.ok) expect(Buffer.from((result.value as { content: string }).content, 'base64').toString()).toBe('%PDF-1.7 test');
  });

  it('says what is missing when no printer is available, and the sync wrapper points to the async one', async () => {
    const { deps, w } = setup();
    deps.printPdf = async () => ({ ok: false, message: 'PDF needs Chromium or Chrome on this computer.' });
    expect(await invokeChannelAsync(deps, 'records.pdf', { id: w.id }, quiet)).toEqual({ ok: false, error: { code: 'unavailable', message: 'PDF needs Chromium or Chrome on this computer.' } });
    expect(invokeChannel(deps, 'records.pdf', { id: w.id }, quiet)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
