import { fileSlug } from '../workshop';

/** A file in the folder records are written to (only Markdown files are read). */
export interface ExistingFile {
  name: string;
  content: string;
}

/** What an export does with one file. */
export type FileAction = 'create' | 'update' | 'unchanged';

/** One file an export writes (or leaves as it is, for 'unchanged'). */
export interface PlannedFile {
  name: string;
  content: string;
  action: FileAction;
}

/** A file the export would have written but did not, and why. */
export interface SkippedFile {
  name: string;
  reason: string;
}

/** What an export will do in a folder: the files to write and those it left alone. */
export interface ExportPlan {
  files: PlannedFile[];
  skipped: SkippedFile[];
}

const NUMBERED = /^(\d+)-.*\.md$/;

/** The number of a numbered record file ("0007-use-x.md" → 7), or null. */
export function recordNumber(name: string): number | null {
  const match = NUMBERED.exec(name);
  return match ? Number(match[1]) : null;
}

/** The highest record number among the file names (0 when there is none). */
export function highestRecordNumber(names: readonly string[]): number {
  return names.reduce((max, name) => Math.max(max, recordNumber(name) ?? 0), 0);
}

/** A title as adr-tools turns it into a file name: ASCII letters and digits, lower case, joined by "-". */
export function slugify(title: string): string {
  return fileSlug(title) || 'decision';
}

/** A record file name: "0008-deployment.md". */
export function recordFileName(number: number, title: string): string {
  return `${String(number).padStart(4, '0')}-${slugify(title)}.md`;
}
