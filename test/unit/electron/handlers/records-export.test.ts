import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannel, invokeChannelAsync } from '../../../../electron/handlers';
import { type RecordsExport } from '../../../../shared/contract';
import { emptyWorkshopState, type Workshop } from '../../../../shared/domain';
import { parseWorkshopFile } from '../../../../shared/records';
import { tempDeps, tempDir } from '../../support/temp-db';

const quiet = () => undefined;

function value<T>(r: ReturnType<typeof invokeChannel>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

function setup() {
  const deps = tempDeps();
  const w = value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Contoso records' }, quiet));
  const state = { ...emptyWorkshopState(), answers: { dataSensitivity: 'regulated', existingOnPremCapacity: 'significant', opsExpertise: 'high' } };
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
    expect(created).toContain('0002-deployment.md');
    expect(created).toContain('index.md');
    expect(fs.readFileSync(path.join(folder, '0001-use-postgresql.md'), 'utf8')).toBe(foreign);
    expect(fs.readFileSync(path.join(folder, '0002-deployment.md'), 'utf8')).toMatch(/^---\nstatus: proposed\n/);

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
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/may not write/) } });
    fs.chmodSync(folder, 0o700);
  });

  it('exports the whole workshop as JSON that reads back, and HTML and CSV files', () => {
    const { deps, w } = setup();
    const json = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'json' }, quiet));
    if (json.kind !== 'file') throw new Error('expected a file');
    expect(json.file.fileName).toBe('contoso-records-workshop.stratum.json');
    const parsed = parseWorkshopFile(json.file.content);
    expect(parsed.ok).toBe(true);
    const html = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'html' }, quiet));
    expect(html.kind === 'file' && html.file.content).toMatch(/^<!DOCTYPE html>/i);
    const csv = value<RecordsExport>(invokeChannel(deps, 'records.export', { id: w.id, format: 'csv' }, quiet));
    expect(csv.kind === 'file' && csv.file.content.split('\r\n')[0]).toBe('"Summary","Description","Priority","Decision","Risk"');
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
