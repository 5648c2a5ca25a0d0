import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT_MAX_CHARS, type ApiResult, type ImportOutcome, type ImportWorkshopInput, type ImportedWorkshop } from '../../shared/contract';
import { DATA_DIR_FLAG } from '../storage/data-dir';
import { MAX_WORKSHOP_FILE_BYTES, type BoundedRead } from '../storage/files';

/** What a workshop file exported by Stratum is called; the installers associate it with the app. */
export const WORKSHOP_FILE_SUFFIX = '.stratum.json';

/** An http:, https:, ftp:… address: never a local file (a Windows path such as `C:\Users\…` has no `//`). */
const URL_WITH_SCHEME = /^[a-z][a-z0-9+.-]+:\/\//i;

/** The local path of a `file:` URL; undefined for one naming another machine (a network share) or a malformed one. */
function pathOfFileUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.host !== '' && parsed.host !== 'localhost') return undefined;
    return fileURLToPath(parsed);
  } catch {
    return undefined;
  }
}

/**
 * The workshop files named on a command line, as absolute paths. This is how Windows and Linux hand
 * a double-clicked `.stratum.json` file to Stratum, to the first copy (process.argv) or, through the
 * single-instance lock, to the copy already running (second-instance). argv[0] is the executable;
 * flags (Chromium adds some), the data folder's value, web addresses and anything not ending in
 * `.stratum.json` are ignored. A local `file://` URL (what a Linux desktop entry's %U may pass, as the
 * AppImage's does) is taken as its path.
 */
export function workshopFilesInArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === DATA_DIR_FLAG) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    const file = arg.toLowerCase().startsWith('file:') ? pathOfFileUrl(arg) : URL_WITH_SCHEME.test(arg) ? undefined : arg;
    if (file?.toLowerCase().endsWith(WORKSHOP_FILE_SUFFIX)) files.push(path.resolve(cwd, file));
  }
  return files;
}

/** How the main process reaches the disk and the import handler (injected, so this is testable without Electron). */
export interface OpenFileIo {
  read: (file: string, maxBytes: number) => BoundedRead;
  importWorkshop: (input: ImportWorkshopInput) => ApiResult<ImportedWorkshop>;
}

export type OpenFileOutcome = { ok: true; workshop: ImportedWorkshop } | { ok: false; title: string; message: string };

const CANNOT_READ = 'Stratum could not read the file';
const CANNOT_OPEN = 'Stratum could not open this workshop';

function readFailure(file: string, err: unknown): OpenFileOutcome {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'the file no longer exists (it may have been moved, renamed or deleted)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'this account is not allowed to read it'
        : ((err as Error | undefined)?.message ?? String(err));
  return { ok: false, title: CANNOT_READ, message: `${file}: ${reason}.` };
}

/**
 * Reads a workshop file the person opened (File > Open, a double-click, the Dock) and imports it with
 * the same all-or-nothing import as the app's "Open workshop file…" button.
 */
export function openWorkshopFile(file: string, io: OpenFileIo): OpenFileOutcome {
  let read: BoundedRead;
  try {
    read = io.read(file, MAX_WORKSHOP_FILE_BYTES);
  } catch (err) {
    return readFailure(file, err);
  }
  if (read.kind === 'not-a-file') return { ok: false, title: CANNOT_READ, message: `${file}: this is not a file (a folder, a pipe or a device), so it cannot be a workshop.` };
  if (read.kind === 'too-large') {
    return {
      ok: false,
      title: CANNOT_OPEN,
      message: `${file} is ${(read.bytes / 1_000_000).toFixed(1)} MB or more: a Stratum workshop file is at most ${IMPORT_MAX_CHARS.toLocaleString('en-US')} characters, so this is not one.`,
    };
  }
  const result = io.importWorkshop({ fileName: path.basename(file), content: read.text });
  if (!result.ok) return { ok: false, title: CANNOT_OPEN, message: result.error.message };
  return { ok: true, workshop: result.value };
}

/** The workshop to show after opening files, and how its file came in. */
export interface OpenedWorkshop {
  id: string;
  opened: ImportOutcome;
  /** What to know about the rule pack it opened with, or null. */
  packNote: string | null;
}

/**
 * Opens each file in turn; each failure is reported on its own (the others still open). Returns the
 * workshop to show: the last one opened, if any.
 */
export function openWorkshopFiles(files: readonly string[], io: OpenFileIo, report: (failure: { title: string; message: string }) => void): OpenedWorkshop | undefined {
  let last: OpenedWorkshop | undefined;
  for (const file of files) {
    const outcome = openWorkshopFile(file, io);
    if (outcome.ok) last = { id: outcome.workshop.id, opened: outcome.workshop.opened, packNote: outcome.workshop.packNote };
    else report(outcome);
  }
  return last;
}

/**
 * Workshop files the OS hands over before the app is ready (the launch command line; macOS sends
 * open-file even before `ready`) wait here; once the app is ready, later ones are opened at once.
 */
export class WorkshopFileQueue {
  private readonly waiting: string[];
  private open: ((files: string[]) => void) | null = null;

  constructor(atLaunch: readonly string[] = []) {
    this.waiting = [...atLaunch];
  }

  /** Files from the OS: opened now when the app is ready, else kept for `ready`. */
  handOver(files: readonly string[]): void {
    if (files.length === 0) return;
    if (this.open) this.open([...files]);
    else this.waiting.push(...files);
  }

  /** The app is ready: returns the files that arrived before, in order; later ones go to `open`. */
  ready(open: (files: string[]) => void): string[] {
    this.open = open;
    return this.waiting.splice(0);
  }
}
