import fs from 'node:fs';
import path from 'node:path';
import { FileRefusedError, MAX_INPUT_FILE_BYTES, readBytesOrThrow, writeFileAtomic } from './files';

export interface ExistingRecordFile {
  name: string;
  content: string;
}

export type FolderResult<T> = { ok: true; value: T } | { ok: false; message: string };

function describe(err: unknown, folder: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `Stratum may not write to ${folder}: choose a folder you can write to.`;
  if (code === 'ENOSPC') return `The disk holding ${folder} is full. Nothing was half-written.`;
  if (code === 'EROFS') return `${folder} is on a read-only disk.`;
  if (code === 'ENOTDIR') return `${folder} is not a folder.`;
  return `Stratum could not use ${folder}: ${(err as Error).message}`;
}

/** The Markdown files already in a records folder (created if missing), for the export planners. */
export function readRecordFolder(folder: string): FolderResult<ExistingRecordFile[]> {
  try {
    fs.mkdirSync(folder, { recursive: true });
    const names = fs.readdirSync(folder).filter((n) => n.endsWith('.md')).sort();
    const files: ExistingRecordFile[] = [];
    const refused = (name: string, what: string) => ({
      ok: false as const,
      message: `${name} in ${folder} ${what}. Stratum reads every .md file in a records folder: move it away and export again. Nothing was written.`,
    });
    for (const name of names) {
      const file = path.join(folder, name);
      // A folder named like a record is not one, nor is a link to nothing; a pipe, a device or a huge file in
      // a record's place is refused by name.
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat || stat.isDirectory()) continue;
      let content: string;
      try {
        content = readBytesOrThrow(file, MAX_INPUT_FILE_BYTES).toString('utf8');
      } catch (err) {
        if (err instanceof FileRefusedError) return refused(name, err.message);
        const code = (err as NodeJS.ErrnoException).code;
        return refused(name, code === 'EACCES' || code === 'EPERM' ? 'may not be read by Stratum (permission denied)' : `cannot be read (${(err as Error).message})`);
      }
      files.push({ name, content });
    }
    return { ok: true, value: files };
  } catch (err) {
    return { ok: false, message: describe(err, folder) };
  }
}

/** Writes each file through a new temporary file and a rename (`writeFileAtomic`), so a failure never leaves half a record. */
export function writeRecordFiles(folder: string, files: readonly { name: string; content: string }[]): FolderResult<string[]> {
  const written: string[] = [];
  try {
    for (const f of files) {
      if (f.name !== path.basename(f.name)) return { ok: false, message: `Refused to write ${f.name}: not a plain file name.` };
      writeFileAtomic(path.join(folder, f.name), f.content);
      written.push(f.name);
    }
    return { ok: true, value: written };
  } catch (err) {
    return { ok: false, message: `${describe(err, folder)}${written.length ? ` Written before the failure: ${written.join(', ')}.` : ''}` };
  }
}
