import fs from 'node:fs';
import path from 'node:path';

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
    return { ok: true, value: names.map((name) => ({ name, content: fs.readFileSync(path.join(folder, name), 'utf8') })) };
  } catch (err) {
    return { ok: false, message: describe(err, folder) };
  }
}

/** Writes each file through a temporary name and a rename, so a failure never leaves half a record. */
export function writeRecordFiles(folder: string, files: readonly { name: string; content: string }[]): FolderResult<string[]> {
  const written: string[] = [];
  try {
    for (const f of files) {
      if (f.name !== path.basename(f.name)) return { ok: false, message: `Refused to write ${f.name}: not a plain file name.` };
      const target = path.join(folder, f.name);
      const temp = `${target}.stratum-tmp`;
      fs.writeFileSync(temp, f.content);
      fs.renameSync(temp, target);
      written.push(f.name);
    }
    return { ok: true, value: written };
  } catch (err) {
    return { ok: false, message: `${describe(err, folder)}${written.length ? ` Written before the failure: ${written.join(', ')}.` : ''}` };
  }
}
