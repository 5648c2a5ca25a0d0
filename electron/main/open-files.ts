import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT_MAX_CHARS, type ApiResult, type ImportWorkshopInput, type Workshop } from '../../shared/contract';

/** What a workshop file exported by Stratum is called; the installers associate it with the app. */
export const WORKSHOP_FILE_SUFFIX = '.stratum.json';

/** Flags of ours that take a value in the next argument (so the value is never taken for a file). */
const FLAGS_WITH_VALUE = new Set(['--data-dir']);

/**
 * The workshop files named on a command line, as absolute paths. This is how Windows and Linux hand
 * a double-clicked `.stratum.json` file to Stratum, to the first copy (process.argv) or, through the
 * single-instance lock, to the copy already running (second-instance). argv[0] is the executable;
 * flags (Chromium adds some) and anything not ending in `.stratum.json` are ignored. A `file://` URL
 * (what a Linux desktop entry's %U may pass, as the AppImage's does) is taken as its path.
 */
export function workshopFilesInArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (FLAGS_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    const file = arg.toLowerCase().startsWith('file:') ? pathOfFileUrl(arg) : URL_WITH_SCHEME.test(arg) ? undefined : arg;
    if (file?.toLowerCase().endsWith(WORKSHOP_FILE_SUFFIX)) files.push(path.resolve(cwd, file));
  }
  return files;
}

/** An http:, https:, ftp:… address: never a local file (a Windows path such as `C:\Users\…` has no `//`). */
const URL_WITH_SCHEME = /^[a-z][a-z0-9+.-]+:\/\//i;

function pathOfFileUrl(url: string): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined; // a file: URL naming another host, or not a URL at all
  }
}

/** How the main process reaches the disk and the import handler (injected, so this is testable without Electron). */
export interface OpenFileIo {
  /** Size in bytes; throws a Node file-system error (ENOENT, EACCES, …). */
  fileSize: (file: string) => number;
  readText: (file: string) => string;
  importWorkshop: (input: ImportWorkshopInput) => ApiResult<Workshop>;
}

export type OpenFileOutcome = { ok: true; workshop: Workshop } | { ok: false; title: string; message: string };

/** A UTF-8 file of more bytes than this cannot hold IMPORT_MAX_CHARS characters or fewer. */
const MAX_FILE_BYTES = IMPORT_MAX_CHARS * 4;

function readFailure(file: string, err: unknown): OpenFileOutcome {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'the file no longer exists (it may have been moved, renamed or deleted)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'this account is not allowed to read it'
        : code === 'EISDIR'
          ? 'it is a folder, not a workshop file'
          : (err as Error | undefined)?.message ?? String(err);
  return { ok: false, title: 'Stratum could not read the file', message: `${file}: ${reason}.` };
}

/**
 * Reads a workshop file the person opened (File > Open, a double-click, the Dock) and imports it with
 * the same all-or-nothing import as the app's "Open workshop file…" button. Nothing is read past the
 * size a workshop file can have.
 */
export function openWorkshopFile(file: string, io: OpenFileIo): OpenFileOutcome {
  let content: string;
  try {
    const bytes = io.fileSize(file);
    if (bytes > MAX_FILE_BYTES) {
      return {
        ok: false,
        title: 'Stratum could not open this workshop',
        message: `${file} is ${(bytes / 1_000_000).toFixed(1)} MB: a Stratum workshop file is at most ${IMPORT_MAX_CHARS.toLocaleString('en-US')} characters, so this is not one.`,
      };
    }
    content = io.readText(file);
  } catch (err) {
    return readFailure(file, err);
  }
  const result = io.importWorkshop({ fileName: path.basename(file), content });
  if (!result.ok) return { ok: false, title: 'Stratum could not open this workshop', message: result.error.message };
  return { ok: true, workshop: result.value };
}
