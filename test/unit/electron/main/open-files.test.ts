import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import {
  WorkshopFileQueue,
  openWorkshopFile,
  openWorkshopFiles,
  workshopFilesInArgv,
  type OpenFileIo,
} from '../../../../electron/main/open-files';
import { readFileBounded } from '../../../../electron/storage';
import type { ApiResult, ImportedWorkshop } from '../../../../shared/contract';
import type { Workshop } from '../../../../shared/domain';
import { loadPack } from '../../../../shared/engine';
import { buildRecordsInput, parseWorkshopFile, workshopToJson } from '../../../../shared/records';
import { northwindRiskPack } from '../../../fixtures/packs/northwind-risk';
import { tempDeps, tempDir } from '../../support/temp-db';

const BANK = fs.readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/records/workshop-bank.json'), 'utf8');
const quiet = () => undefined;

function realIo(deps = tempDeps()): OpenFileIo & { deps: ReturnType<typeof tempDeps> } {
  return {
    deps,
    read: readFileBounded,
    importWorkshop: (input) => invokeChannel(deps, 'workshops.import', input, quiet) as ApiResult<ImportedWorkshop>,
  };
}

function workshopTitles(deps: ReturnType<typeof tempDeps>): string[] {
  const listed = invokeChannel(deps, 'workshops.list', { includeArchived: true }, quiet);
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as Workshop[]).map((w) => w.title);
}

/** A named pipe in a temp folder, or null where mkfifo does not exist. */
function namedPipe(name: string): string | null {
  const fifo = path.join(tempDir(), name);
  try {
    execFileSync('mkfifo', [fifo]);
    return fifo;
  } catch {
    return null;
  }
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

  it('takes a local file:// URL (an AppImage desktop entry passes %U) as its path; never a network share or a web address', () => {
    const argv = [
      '/opt/Stratum.AppImage',
      'file:///home/ana/My%20Workshops/bank.stratum.json',
      'file://localhost/home/ana/retail.stratum.json',
      'file://server/share/x.stratum.json',
      'https://evil.example/x.stratum.json',
    ];
    expect(workshopFilesInArgv(argv, '/work')).toEqual(['/home/ana/My Workshops/bank.stratum.json', '/home/ana/retail.stratum.json']);
  });

  it('keeps a Windows path (its drive letter is not a web address)', () => {
    expect(workshopFilesInArgv(['Stratum.exe', 'C:\\Users\\ana\\bank.stratum.json'], 'C:\\')).toHaveLength(1);
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
    if (!outcome.ok) expect(outcome.message).toMatch(/this is not a file \(a folder, a pipe or a device\)/);
  });

  it('refuses a huge file by its size without reading it', () => {
    const file = path.join(tempDir(), 'huge.stratum.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 50_000_000);
    const readSync = vi.spyOn(fs, 'readSync');
    const outcome = openWorkshopFile(file, realIo());
    expect(readSync).not.toHaveBeenCalled();
    readSync.mockRestore();
    expect(outcome).toMatchObject({ ok: false, title: 'Stratum could not open this workshop' });
    if (!outcome.ok) expect(outcome.message).toMatch(/is 50\.0 MB or more: a Stratum workshop file is at most 1,000,000 characters/);
  });

  it('refuses a named pipe at once instead of waiting for someone to write to it', () => {
    const fifo = namedPipe('pipe.stratum.json');
    if (!fifo) return; // no mkfifo on this system (Windows)
    const outcome = openWorkshopFile(fifo, realIo());
    expect(outcome).toMatchObject({ ok: false, title: 'Stratum could not read the file' });
    if (!outcome.ok) expect(outcome.message).toMatch(/this is not a file \(a folder, a pipe or a device\)/);
  });

  it('reads no more than the limit, even from a file that grew past what its size said', () => {
    const file = path.join(tempDir(), 'grows.stratum.json');
    fs.writeFileSync(file, 'x'.repeat(100));
    expect(readFileBounded(file, 100)).toEqual({ kind: 'text', text: 'x'.repeat(100) });
    // The size said 10 bytes when the file was opened; it then held 100.
    const fstat = vi.spyOn(fs, 'fstatSync').mockImplementation(() => ({ isFile: () => true, size: 10 }) as fs.Stats);
    try {
      expect(readFileBounded(file, 50)).toEqual({ kind: 'too-large', bytes: 51 });
      expect(readFileBounded(file, 100)).toEqual({ kind: 'text', text: 'x'.repeat(100) });
    } finally {
      fstat.mockRestore();
    }
  });

  it('does not wait on a pipe that passed for a file when it was checked (swapped in between)', () => {
    const fifo = namedPipe('swapped.stratum.json');
    if (!fifo) return; // no mkfifo on this system (Windows)
    const stat = vi.spyOn(fs, 'statSync').mockImplementation(() => ({ isFile: () => true }) as fs.Stats);
    try {
      // Without a non-blocking open this would wait for a writer forever (and the test would time out).
      expect(readFileBounded(fifo, 1000)).toEqual({ kind: 'not-a-file' });
    } finally {
      stat.mockRestore();
    }
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

describe('files handed over before and after the app is ready', () => {
  it('keeps what arrives before ready, in order, then opens later files at once', () => {
    const queue = new WorkshopFileQueue(['/a.stratum.json']);
    queue.handOver(['/b.stratum.json']);
    queue.handOver([]);
    const opened: string[][] = [];
    expect(queue.ready((files) => opened.push(files))).toEqual(['/a.stratum.json', '/b.stratum.json']);
    expect(opened).toEqual([]);
    queue.handOver(['/c.stratum.json']);
    expect(opened).toEqual([['/c.stratum.json']]);
  });

  it('opens every file, reports each failure on its own, and shows the last workshop opened', () => {
    const dir = tempDir();
    const good = path.join(dir, 'bank.stratum.json');
    fs.writeFileSync(good, BANK);
    const io = realIo();
    const failures: string[] = [];
    const shown = openWorkshopFiles([path.join(dir, 'missing.stratum.json'), good, path.join(dir, 'also-missing.stratum.json')], io, (f) => failures.push(f.message));
    expect(shown).toEqual({ id: JSON.parse(BANK).workshop.id, opened: 'new', packNote: null });
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/missing\.stratum\.json: the file no longer exists/);
    expect(openWorkshopFiles([path.join(dir, 'missing.stratum.json')], io, () => undefined)).toBeUndefined();
    // Opened again (a second double-click): the same workshop, already here, and no copy.
    expect(openWorkshopFiles([good], io, () => undefined)).toEqual({ id: JSON.parse(BANK).workshop.id, opened: 'existing', packNote: null });
    expect(workshopTitles(io.deps)).toEqual([JSON.parse(BANK).workshop.title]);
  });

  it('passes on what came with a file’s rule pack, for the page to say', () => {
    const team = northwindRiskPack('1.0.0');
    const compiled = loadPack(JSON.parse(JSON.stringify(team)));
    const bank = parseWorkshopFile(BANK);
    if (!compiled.ok || !bank.ok) throw new Error('fixtures do not read');
    const file = path.join(tempDir(), 'risk.stratum.json');
    const input = buildRecordsInput({ ...bank.value.workshop, pack: { id: team.id, version: team.packVersion } }, bank.value.state, compiled.value, { generatedAt: '2026-01-15T10:00:00.000Z', diagram: false });
    fs.writeFileSync(file, workshopToJson(input));
    expect(openWorkshopFiles([file], realIo(), () => undefined)).toEqual({
      id: bank.value.workshop.id,
      opened: 'new',
      packNote: 'Rule pack Northwind risk function 1.0.0 came with the file and was added to this app’s rule packs.',
    });
  });
});
