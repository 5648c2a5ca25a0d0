// The file side shared by the app's records export and `stratum export`: one folder reader, one writer, one
// describer of file-system errors, on the real disk and on a disk that fails where a test says.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFsError, nodeExportFs, prepareFolder, readRecordFolder, writeFiles, type ExportFs } from '../../../../electron/export';
import { FileRefusedError } from '../../../../electron/storage';
import { tempDir } from '../../support/temp-db';

const nodeError = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

/** The real disk, with writes under `failUnder` failing with `code`. */
function failingWrites(failUnder: string, code: string): ExportFs {
  const real = nodeExportFs();
  return {
    ...real,
    writeFile: (file, data) => {
      if (file.startsWith(failUnder)) throw nodeError(code);
      real.writeFile(file, data);
    },
  };
}

describe('the export folder', () => {
  it('describes a file-system error in words, reading or writing', () => {
    expect(describeFsError(nodeError('EACCES'))).toBe('permission denied (choose a folder you can write to)');
    expect(describeFsError(nodeError('EACCES'), 'read')).toBe('permission denied');
    expect(describeFsError(nodeError('ENOENT'), 'read')).toBe('no such file');
    expect(describeFsError(nodeError('ENOENT'))).toBe('the folder does not exist');
    expect(describeFsError(nodeError('ENOSPC'))).toBe('the disk is full (nothing was half-written)');
    expect(describeFsError(nodeError('EROFS'))).toBe('the disk is read-only');
    expect(describeFsError(new FileRefusedError('ETOOLARGE', 'is larger than 4 MB, more than any file Stratum reads'))).toBe('is larger than 4 MB, more than any file Stratum reads');
  });

  it('creates a missing folder with its parents, and refuses a file where the folder should be', () => {
    const root = tempDir();
    const files = nodeExportFs();
    expect(prepareFolder(files, path.join(root, 'docs', 'decisions'))).toBeNull();
    expect(fs.statSync(path.join(root, 'docs', 'decisions')).isDirectory()).toBe(true);
    fs.writeFileSync(path.join(root, 'plain.txt'), 'x');
    expect(prepareFolder(files, path.join(root, 'plain.txt'))).toBe(`${path.join(root, 'plain.txt')}: is a file, not a folder; allowed: a folder (created when missing)`);
    expect(prepareFolder(files, path.join(root, 'plain.txt', 'sub'))).toBe(`${path.join(root, 'plain.txt', 'sub')}: cannot create the folder: part of the path is a file, not a folder`);
  });

  it('reads the Markdown files of a records folder in name order, passing over a folder named like one', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '0002-b.md'), 'B');
    fs.writeFileSync(path.join(dir, '0001-a.md'), 'A');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a record');
    fs.mkdirSync(path.join(dir, '0003-folder.md'));
    expect(readRecordFolder(nodeExportFs(), dir)).toEqual({ ok: true, files: [{ name: '0001-a.md', content: 'A' }, { name: '0002-b.md', content: 'B' }] });
  });

  it.skipIf(process.platform === 'win32')('stops at a record it cannot read, by name, before anything is written', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '0001-a.md'), 'A');
    execFileSync('mkfifo', [path.join(dir, '0002-pipe.md')]);
    const read = readRecordFolder(nodeExportFs(), dir);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 0002-pipe\\.md: .+\\. Stratum reads every \\.md file in a records folder: move it away and export again; nothing was written$`));
  });

  it('writes each file whole and, at the first that fails, says which and what was written before it', () => {
    const dir = tempDir();
    const ok = writeFiles(nodeExportFs(), dir, [
      { name: '0001-a.md', content: 'A' },
      { name: '0002-b.md', content: 'B' },
    ]);
    expect(ok).toEqual({ ok: true, written: ['0001-a.md', '0002-b.md'] });
    expect(fs.readFileSync(path.join(dir, '0002-b.md'), 'utf8')).toBe('B');

    const failing = writeFiles(failingWrites(path.join(dir, '0004'), 'ENOSPC'), dir, [
      { name: '0003-c.md', content: 'C' },
      { name: '0004-d.md', content: 'D' },
      { name: '0005-e.md', content: 'E' },
    ]);
    expect(failing).toEqual({ ok: false, message: `${path.join(dir, '0004-d.md')}: cannot write the file: the disk is full (nothing was half-written)`, written: ['0003-c.md'] });
    expect(fs.existsSync(path.join(dir, '0005-e.md'))).toBe(false);
  });

  it('refuses a name that would leave the folder', () => {
    const dir = tempDir();
    expect(writeFiles(nodeExportFs(), dir, [{ name: '../escape.md', content: 'x' }])).toEqual({ ok: false, message: '../escape.md: refused: not a plain file name', written: [] });
    expect(fs.existsSync(path.join(dir, '..', 'escape.md'))).toBe(false);
  });
});
