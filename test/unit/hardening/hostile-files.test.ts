// The app (main process and browser-mode host share these handlers) against files and requests that are not
// what they claim: a named pipe or an endless device among a records folder's .md files, a link planted
// where a record is written, and JSON nested 100,000 levels deep in a request or an opened workshop file.
// Each is refused with a message naming it, without waiting, without writing elsewhere, and never as a bug.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../electron/handlers';
import { writeFileAtomic } from '../../../electron/storage';
import type { ApiResult, RecordsExport } from '../../../shared/contract';
import type { Workshop } from '../../../shared/domain';
import { tempDeps, tempDir } from '../support/temp-db';

const quiet = () => undefined;
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

function workshop(deps: ReturnType<typeof tempDeps>): Workshop {
  const created = invokeChannel(deps, 'workshops.create', { title: 'Contoso records' }, quiet);
  if (!created.ok) throw new Error(created.error.message);
  return created.value as Workshop;
}

function exportMadr(deps: ReturnType<typeof tempDeps>, id: string, folder: string): ApiResult<RecordsExport> {
  return invokeChannel(deps, 'records.export', { id, format: 'madr', folder }, quiet) as ApiResult<RecordsExport>;
}

function mkfifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file]);
    return true;
  } catch {
    return false; // no mkfifo here (Windows)
  }
}

describe('a records folder holding something other than records', () => {
  it('refuses a named pipe named like a record at once, naming it, and writes nothing', () => {
    const deps = tempDeps();
    const folder = tempDir();
    if (!mkfifo(path.join(folder, '0002-waiting.md'))) return;
    // Before: the folder reader waited on the pipe forever, freezing the whole app.
    const result = exportMadr(deps, workshop(deps).id, folder);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^.+: 0002-waiting\.md: is not a regular file \(a folder, a named pipe or a device\).*move it away and export again; nothing was written\./);
    expect(fs.readdirSync(folder)).toEqual(['0002-waiting.md']);
  });

  it('refuses a link to an endless device instead of reading it without limit', () => {
    if (!fs.existsSync('/dev/zero')) return;
    const deps = tempDeps();
    const folder = tempDir();
    fs.symlinkSync('/dev/zero', path.join(folder, '0002-zero.md'));
    const result = exportMadr(deps, workshop(deps).id, folder);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^.+: 0002-zero\.md: is not a regular file/);
  });

  it('refuses a record larger than any record, and passes over a folder named like one', () => {
    const deps = tempDeps();
    const folder = tempDir();
    fs.mkdirSync(path.join(folder, 'drafts.md'));
    const w = workshop(deps);
    expect(exportMadr(deps, w.id, folder).ok).toBe(true);
    const other = tempDir();
    fs.writeFileSync(path.join(other, '0001-huge.md'), 'x'.repeat(4_000_001));
    const result = exportMadr(deps, w.id, other);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^.+: 0001-huge\.md: is larger than 4 MB/);
  });

  it('writes records through a new temporary file, never through a link planted at a temporary name', () => {
    const deps = tempDeps();
    const folder = tempDir();
    const outside = path.join(tempDir(), 'outside.txt');
    fs.writeFileSync(outside, 'not Stratum’s to change');
    const w = workshop(deps);
    const first = exportMadr(deps, w.id, folder);
    expect(first.ok).toBe(true);
    const names = fs.readdirSync(folder);
    for (const name of names) {
      fs.rmSync(path.join(folder, name));
      // Where the app wrote its temporary file before: a fixed name, followed if it was a link.
      fs.symlinkSync(outside, path.join(folder, `${name}.stratum-tmp`));
    }
    expect(exportMadr(deps, w.id, folder).ok).toBe(true);
    expect(fs.readFileSync(outside, 'utf8')).toBe('not Stratum’s to change');
    for (const name of names) expect(fs.lstatSync(path.join(folder, name)).isFile(), name).toBe(true);
  });

  it('replaces a link at the target itself instead of writing through it, and leaves no temporary file when a write fails', () => {
    const folder = tempDir();
    const outside = path.join(tempDir(), 'outside.txt');
    fs.writeFileSync(outside, 'not Stratum’s to change');
    fs.symlinkSync(outside, path.join(folder, 'record.md'));
    writeFileAtomic(path.join(folder, 'record.md'), 'the record');
    expect(fs.readFileSync(outside, 'utf8')).toBe('not Stratum’s to change');
    expect(fs.lstatSync(path.join(folder, 'record.md')).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(folder, 'record.md'), 'utf8')).toBe('the record');
    // A folder where the record should go: the rename fails, and the temporary file goes with it.
    fs.mkdirSync(path.join(folder, 'taken.md'));
    fs.writeFileSync(path.join(folder, 'taken.md', 'inside'), '');
    expect(() => writeFileAtomic(path.join(folder, 'taken.md'), 'the record')).toThrow();
    expect(fs.readdirSync(folder).sort()).toEqual(['record.md', 'taken.md']);
  });
});

describe('JSON nested deeper than any Stratum file', () => {
  it('refuses a request nested 100,000 levels deep as invalid input naming where, not as a failure', () => {
    const deps = tempDeps();
    const w = workshop(deps);
    const payload = JSON.parse(`{"id":"${w.id}","baseRevision":0,"state":{"answers":{"x":${deep(100_000)}}}}`) as unknown;
    const result = invokeChannel(deps, 'workshopState.save', payload, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toMatch(/^The request to workshopState\.save was refused: state\.answers\.x\.0\.0\.0 nests arrays and objects more than 64 levels deep below this point \(at most 64 levels are allowed\)\.$/);
  });

  it('refuses an opened workshop file nested 100,000 levels deep with a clear message, and keeps every workshop', () => {
    const deps = tempDeps();
    workshop(deps);
    const before = invokeChannel(deps, 'workshops.list', { includeArchived: true }, quiet);
    const content = `{"format":"stratum.workshop","version":2,"workshop":{"title":${deep(100_000)}}}`;
    const result = invokeChannel(deps, 'workshops.import', { fileName: 'deep.stratum.json', content }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toMatch(/^deep\.stratum\.json could not be opened: it is a Stratum workshop file, but one field holds something Stratum does not accept\. Details: \$\.workshop\.title\[0\]\[0\]\[0\]\[0\]: nests arrays and objects more than 64 levels deep/);
    expect(invokeChannel(deps, 'workshops.list', { includeArchived: true }, quiet)).toEqual(before);
  });
});

describe('a records folder with a link to nothing', () => {
  it('passes over the link, as the stratum command does, and exports the records', () => {
    const deps = tempDeps();
    const folder = tempDir();
    fs.symlinkSync(path.join(folder, 'gone.md'), path.join(folder, '0001-moved.md'));
    const result = exportMadr(deps, workshop(deps).id, folder);
    expect(result.ok).toBe(true);
    expect(fs.readdirSync(folder)).toContain('0001-moved.md');
    expect(fs.readdirSync(folder).filter((n) => /^\d{4}-.*\.md$/.test(n)).length).toBeGreaterThan(1);
  });
});
