import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import { openWorkshopFile, workshopFilesInArgv, type OpenFileIo } from '../../../../electron/main/open-files';
import type { ApiResult, Workshop } from '../../../../shared/contract';
import { tempDeps, tempDir } from '../../support/temp-db';

const BANK = fs.readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/records/workshop-bank.json'), 'utf8');
const quiet = () => undefined;

function realIo(deps = tempDeps()): OpenFileIo & { deps: ReturnType<typeof tempDeps> } {
  return {
    deps,
    fileSize: (file) => fs.statSync(file).size,
    readText: (file) => fs.readFileSync(file, 'utf8'),
    importWorkshop: (input) => invokeChannel(deps, 'workshops.import', input, quiet) as ApiResult<Workshop>,
  };
}

function workshopTitles(deps: ReturnType<typeof tempDeps>): string[] {
  const listed = invokeChannel(deps, 'workshops.list', { includeArchived: true }, quiet);
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as Workshop[]).map((w) => w.title);
}

describe('workshop files handed over on a command line', () => {
  it('finds .stratum.json files after the executable, resolved against the launching folder', () => {
    expect(workshopFilesInArgv(['/opt/Stratum/stratum', 'bank.stratum.json', '/data/Retail.STRATUM.JSON'], '/home/ana/Downloads')).toEqual([
      '/home/ana/Downloads/bank.stratum.json',
      '/data/Retail.STRATUM.JSON',
    ]);
  });

  it('ignores the executable, flags, the data-folder value and other files', () => {
    const argv = ['/tmp/odd.stratum.json', '--allow-file-access-from-files', '--data-dir', 'x.stratum.json', '--data-dir=y.stratum.json', '.', 'notes.json', 'report.pdf'];
    expect(workshopFilesInArgv(argv, '/work')).toEqual([]);
  });

  it('takes a file:// URL (an AppImage desktop entry passes %U) as its path, and ignores other URLs', () => {
    const argv = ['/opt/Stratum.AppImage', 'file:///home/ana/My%20Workshops/bank.stratum.json', 'file://server/share/x.stratum.json', 'https://evil.example/x.stratum.json'];
    expect(workshopFilesInArgv(argv, '/work')).toEqual(['/home/ana/My Workshops/bank.stratum.json']);
  });

  it('gives nothing for a plain launch', () => {
    expect(workshopFilesInArgv(['/usr/lib/electron/electron', 'out/main/index.cjs'], '/work')).toEqual([]);
  });
});

describe('opening a workshop file from the OS', () => {
  it('imports it, so the workshop is in the list with its title', () => {
    const file = path.join(tempDir(), 'bank.stratum.json');
    fs.writeFileSync(file, BANK);
    const io = realIo();
    const outcome = openWorkshopFile(file, io);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(workshopTitles(io.deps)).toContain(outcome.workshop.title);
    expect(outcome.workshop.title).toBe(JSON.parse(BANK).workshop.title);
  });

  it('says the file no longer exists when it was moved, and imports nothing', () => {
    const io = realIo();
    const before = workshopTitles(io.deps);
    const outcome = openWorkshopFile(path.join(tempDir(), 'gone.stratum.json'), io);
    expect(outcome).toMatchObject({ ok: false, title: 'Stratum could not read the file' });
    if (outcome.ok) return;
    expect(outcome.message).toMatch(/gone\.stratum\.json: the file no longer exists/);
    expect(workshopTitles(io.deps)).toEqual(before);
  });

  it('says a folder is not a workshop file', () => {
    const dir = path.join(tempDir(), 'folder.stratum.json');
    fs.mkdirSync(dir);
    const io = realIo();
    const outcome = openWorkshopFile(dir, io);
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.message).toMatch(/is a folder, not a workshop file/);
  });

  it('refuses a huge file by its size without reading it', () => {
    const file = path.join(tempDir(), 'huge.stratum.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 50_000_000);
    const io = realIo();
    const readText = vi.fn(io.readText);
    const outcome = openWorkshopFile(file, { ...io, readText });
    expect(readText).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ ok: false, title: 'Stratum could not open this workshop' });
    if (!outcome.ok) expect(outcome.message).toMatch(/is 50\.0 MB: a Stratum workshop file is at most 1,000,000 characters/);
  });

  it('gives the import’s own message, naming the file and the field, for a file that is not a workshop', () => {
    const file = path.join(tempDir(), 'answers.stratum.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'stratum.workshop', version: 1, workshop: { title: 42 } }));
    const io = realIo();
    const before = workshopTitles(io.deps);
    const outcome = openWorkshopFile(file, io);
    expect(outcome).toMatchObject({ ok: false, title: 'Stratum could not open this workshop' });
    if (!outcome.ok) expect(outcome.message).toMatch(/^answers\.stratum\.json could not be opened: .*workshop/);
    expect(workshopTitles(io.deps)).toEqual(before);
  });
});
