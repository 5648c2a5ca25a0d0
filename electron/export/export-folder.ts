// The file side of every export, for the app's handlers and the command line alike: what is at a path, a folder
// made ready, the records already in a folder, files written whole, and file-system errors in words.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_EXPORT_FILE_BYTES, MAX_INPUT_FILE_BYTES, readBytesOrThrow, writeFileAtomic } from '../storage/files';

/** What is at a path. */
export type PathKind = 'file' | 'folder' | 'other' | 'missing';

/** The file system as exports use it; the command line's tests give it a disk in memory. */
export interface ExportFs {
  /** Reads a file as UTF-8 (at most the largest file Stratum reads); throws a Node-style error (with `code`) when it cannot. */
  readFile(path: string): string;
  /** Reads a file's bytes; throws a Node-style error (with `code`) when it cannot. */
  readBytes(path: string): Uint8Array;
  /** What is at a path; throws a Node-style error only when the path cannot be looked at. */
  pathKind(path: string): PathKind;
  /** The names in a folder; throws a Node-style error when it cannot be read. */
  listFolder(path: string): string[];
  /** Creates a folder and its parents (nothing when it exists); throws a Node-style error when it cannot. */
  makeFolder(path: string): void;
  /** Writes a file through a temporary file in the same folder and a rename, so it is never half-written. */
  writeFile(path: string, data: string | Uint8Array): void;
}

/** The real disk. */
export function nodeExportFs(): ExportFs {
  return {
    readFile: (p) => readBytesOrThrow(p, MAX_INPUT_FILE_BYTES).toString('utf8'),
    readBytes: (p) => new Uint8Array(readBytesOrThrow(p, MAX_EXPORT_FILE_BYTES)),
    pathKind: (p) => {
      const stat = fs.statSync(p, { throwIfNoEntry: false });
      if (!stat) return 'missing';
      return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
    },
    listFolder: (p) => fs.readdirSync(p),
    makeFolder: (p) => void fs.mkdirSync(p, { recursive: true }),
    writeFile: writeFileAtomic,
  };
}

/** A file-system error as words for a person, reading or writing (the Node error code decides). */
export function describeFsError(error: unknown, doing: 'read' | 'write' = 'write'): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return doing === 'read' ? 'permission denied' : 'permission denied (choose a folder you can write to)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full (nothing was half-written)';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ENOENT':
      return doing === 'read' ? 'no such file' : 'the folder does not exist';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      // A file Stratum refuses to read (a pipe, a device, one too large) says so in its own message.
      return error instanceof Error ? error.message : String(error);
  }
}

/** What is at a path, or a message when the path cannot even be looked at. */
export function kindOf(files: ExportFs, at: string): { ok: true; kind: PathKind } | { ok: false; message: string } {
  try {
    return { ok: true, kind: files.pathKind(at) };
  } catch (error) {
    // "a-file/x": nothing can be there.
    if ((error as { code?: unknown } | null)?.code === 'ENOTDIR') return { ok: true, kind: 'missing' };
    return { ok: false, message: describeFsError(error) };
  }
}

/** Writes one file whole; a message naming the file when it cannot. */
export function writeOne(files: ExportFs, file: string, data: string | Uint8Array): string | null {
  try {
    files.writeFile(file, data);
    return null;
  } catch (error) {
    return `${file}: cannot write the file: ${describeFsError(error)}`;
  }
}

/** Makes sure `dir` is a folder exports can use, created with its parents when missing; a message starting with `dir` when not. */
export function prepareFolder(files: ExportFs, dir: string): string | null {
  const at = kindOf(files, dir);
  if (!at.ok) return `${dir}: cannot use the folder: ${at.message}`;
  if (at.kind === 'folder') return null;
  if (at.kind !== 'missing') return `${dir}: is a file, not a folder; allowed: a folder (created when missing)`;
  try {
    files.makeFolder(dir);
    return null;
  } catch (error) {
    return `${dir}: cannot create the folder: ${describeFsError(error)}`;
  }
}

/** A Markdown file already in a records folder. */
export interface ExistingRecordFile {
  name: string;
  content: string;
}

/**
 * The Markdown files in a records folder, for the record planners (MADR, adr-tools). A folder named like a record is
 * not one; a file that cannot be read in a record's place (a pipe, a device, one too large, one Stratum may not read)
 * stops the export by name, before anything is written. Messages start with `dir`.
 */
export function readRecordFolder(files: ExportFs, dir: string): { ok: true; files: ExistingRecordFile[] } | { ok: false; message: string } {
  let names: string[];
  try {
    names = files.listFolder(dir).filter((n) => n.endsWith('.md')).sort();
  } catch (error) {
    return { ok: false, message: `${dir}: cannot read the folder: ${describeFsError(error, 'read')}` };
  }
  const found: ExistingRecordFile[] = [];
  for (const name of names) {
    const at = kindOf(files, path.join(dir, name));
    if (at.ok && (at.kind === 'folder' || at.kind === 'missing')) continue;
    try {
      found.push({ name, content: files.readFile(path.join(dir, name)) });
    } catch (error) {
      return {
        ok: false,
        message: `${dir}: ${name}: ${describeFsError(error, 'read')}. Stratum reads every .md file in a records folder: move it away and export again; nothing was written`,
      };
    }
  }
  return { ok: true, files: found };
}

/**
 * Writes files into `dir`, each whole (a temporary file and a rename), stopping at the first that fails: its message,
 * and the names written before it.
 */
export function writeFiles(files: ExportFs, dir: string, toWrite: readonly { name: string; content: string | Uint8Array }[]): { ok: true; written: string[] } | { ok: false; message: string; written: string[] } {
  const written: string[] = [];
  for (const f of toWrite) {
    if (f.name !== path.basename(f.name)) return { ok: false, message: `${f.name}: refused: not a plain file name`, written };
    const failed = writeOne(files, path.join(dir, f.name), f.content);
    if (failed) return { ok: false, message: failed, written };
    written.push(f.name);
  }
  return { ok: true, written };
}
