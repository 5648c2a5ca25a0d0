import { highestRecordNumber, recordFileName, recordNumber, type ExistingFile, type PlannedFile } from './record-files';
import { sameRecord, type RecordRef } from './record-status';

/** A record file in the folder (existing or planned): where a link to its record points. */
export interface RecordFileLink {
  name: string;
  number: number;
  /** The file's first-level heading without "# ". */
  heading: string;
}

/** A record the export wants in the folder; rendered once every record has a file name. */
export interface RecordDraft {
  ref: RecordRef;
  /** The title the file name is made from when the record is new. */
  fileTitle: string;
  render: (file: { name: string; number: number }, linkTo: (ref: RecordRef) => RecordFileLink | null) => string;
}

/** The first "# " heading of a Markdown file, without the marker. */
export function firstHeading(markdown: string): string {
  const match = /^# (.+)$/m.exec(markdown);
  return match ? match[1]!.trim() : '';
}

/**
 * Gives each draft a file: its own existing file when the folder has one (kept by name, updated in place),
 * else the next free number after every numbered file in the folder. Files that are not records of these
 * drafts are never written. `readRef` says which record an existing file holds.
 */
export function planRecordFiles(
  existing: readonly ExistingFile[],
  drafts: readonly RecordDraft[],
  readRef: (content: string) => RecordRef | null,
  headingOf: (content: string) => string = firstHeading,
): PlannedFile[] {
  const numbered = existing
    .filter((f) => recordNumber(f.name) !== null)
    .sort((a, b) => recordNumber(a.name)! - recordNumber(b.name)! || (a.name < b.name ? -1 : 1));
  const known: Array<{ ref: RecordRef; link: RecordFileLink; content: string }> = [];
  for (const file of numbered) {
    const ref = readRef(file.content);
    if (ref) known.push({ ref, link: { name: file.name, number: recordNumber(file.name)!, heading: headingOf(file.content) }, content: file.content });
  }
  let next = highestRecordNumber(existing.map((f) => f.name)) + 1;
  const assigned = drafts.map((draft) => {
    // With two files holding the same record (a copy), the lowest-numbered one is the record.
    const own = known.find((k) => sameRecord(k.ref, draft.ref));
    if (own) return { draft, name: own.link.name, number: own.link.number, previous: own.content as string | null };
    const number = next++;
    return { draft, name: recordFileName(number, draft.fileTitle), number, previous: null as string | null };
  });
  const rendered = new Map<string, string>();
  const linkTo = (ref: RecordRef): RecordFileLink | null => {
    const mine = assigned.find((a) => sameRecord(a.draft.ref, ref));
    if (mine) return { name: mine.name, number: mine.number, heading: headingOf(rendered.get(mine.name) ?? '') || mine.draft.fileTitle };
    return known.find((k) => sameRecord(k.ref, ref))?.link ?? null;
  };
  // Render twice so links to records of this export can carry their headings.
  for (let pass = 0; pass < 2; pass++) {
    for (const a of assigned) rendered.set(a.name, a.draft.render({ name: a.name, number: a.number }, linkTo));
  }
  return assigned.map((a) => {
    const content = rendered.get(a.name)!;
    return { name: a.name, content, action: a.previous === null ? 'create' : a.previous === content ? 'unchanged' : 'update' };
  });
}
