// An in-memory CliIo for running the CLI in tests without a process or a disk: files and folders in a map,
// writes kept there, the clock fixed, PDF faked, and file-system failures on demand.
import path from 'node:path';
import type { CliIo } from '../../../../electron/cli/cli-io';
import type { PdfResult } from '../../../../electron/export/pdf';

export interface MemoryIoOptions {
  stdin?: string;
  /** Folders that exist (besides "." and every folder holding a file). */
  folders?: string[];
  /** Whether standard output is a terminal (default false: a pipe). */
  terminal?: boolean;
  /** The clock (default 2026-01-15T10:00:00Z). */
  now?: Date;
  /** Prints HTML to PDF (default: a fake "%PDF-" document naming the HTML's length). */
  pdf?: (html: string) => Promise<PdfResult>;
  /** Writes (and folder creation) at or under this path throw a Node-style error with this code. */
  failWrites?: { under: string; code: string };
}

export interface MemoryIo extends CliIo {
  out: string[];
  err: string[];
  /** Bytes written to standard output with stdoutBytes. */
  outBytes: Uint8Array[];
  /** Every file, by normalized path: those given and those written. */
  files: Map<string, string | Uint8Array>;
  /** The paths written, in order. */
  written: string[];
}

const fsError = (code: string, what: string) => Object.assign(new Error(`${code}: ${what}`), { code });
const norm = (p: string) => path.posix.normalize(p).replace(/\/$/, '') || '.';

export function memoryIo(initial: Record<string, string | Uint8Array>, stdinOrOptions: string | MemoryIoOptions = ''): MemoryIo {
  const options: MemoryIoOptions = typeof stdinOrOptions === 'string' ? { stdin: stdinOrOptions } : stdinOrOptions;
  const files = new Map<string, string | Uint8Array>(Object.entries(initial).map(([p, v]) => [norm(p), v]));
  const folders = new Set<string>(['.', '/', ...(options.folders ?? []).map(norm)]);
  const out: string[] = [];
  const err: string[] = [];
  const outBytes: Uint8Array[] = [];
  const written: string[] = [];
  const isFolder = (p: string) => folders.has(p) || [...files.keys(), ...folders].some((f) => f.startsWith(`${p}/`));
  const failing = (p: string) => {
    const under = options.failWrites ? norm(options.failWrites.under) : null;
    if (under !== null && (p === under || p.startsWith(`${under}/`))) throw fsError(options.failWrites!.code, p);
  };
  const read = (p: string) => {
    const key = norm(p);
    const data = files.get(key);
    if (data === undefined) throw isFolder(key) ? fsError('EISDIR', key) : fsError('ENOENT', `no such file or directory, open '${key}'`);
    return data;
  };
  return {
    out,
    err,
    outBytes,
    files,
    written,
    readFile: (p) => {
      const data = read(p);
      return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    },
    readBytes: (p) => {
      const data = read(p);
      return typeof data === 'string' ? new Uint8Array(Buffer.from(data)) : data;
    },
    readStdin: () => options.stdin ?? '',
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stdoutBytes: (data) => outBytes.push(data),
    stdoutIsTerminal: () => options.terminal ?? false,
    pathKind: (p) => {
      const key = norm(p);
      if (files.has(key)) return 'file';
      return isFolder(key) ? 'folder' : 'missing';
    },
    listFolder: (p) => {
      const key = norm(p);
      if (files.has(key)) throw fsError('ENOTDIR', key);
      if (!isFolder(key)) throw fsError('ENOENT', key);
      const prefix = key === '.' ? '' : `${key}/`;
      const names = new Set<string>();
      for (const f of [...files.keys(), ...folders]) if (f.startsWith(prefix) && f !== key && f !== '.' && f !== '/') names.add(f.slice(prefix.length).split('/')[0]!);
      return [...names].sort();
    },
    makeFolder: (p) => {
      const key = norm(p);
      failing(key);
      const parts = key.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const sub = parts.slice(0, i).join('/') || '/';
        if (files.has(sub)) throw fsError('ENOTDIR', sub);
        folders.add(sub);
      }
    },
    writeFile: (p, data) => {
      const key = norm(p);
      failing(key);
      const parent = norm(path.posix.dirname(key));
      if (files.has(parent)) throw fsError('ENOTDIR', parent);
      if (!isFolder(parent)) throw fsError('ENOENT', parent);
      if (isFolder(key)) throw fsError('EISDIR', key);
      files.set(key, data);
      written.push(key);
    },
    now: () => options.now ?? new Date('2026-01-15T10:00:00Z'),
    printPdf: options.pdf ?? ((html) => Promise.resolve({ ok: true, pdf: new Uint8Array(Buffer.from(`%PDF-1.7 fake (${html.length} characters of HTML)\n`)) })),
  };
}
