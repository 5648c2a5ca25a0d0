import { readFrontMatter, writeFrontMatter } from './front-matter';
import { madrRecord } from './madr-record';
import { mdBlocks, mdTable, mdText } from './markdown-text';
import { firstHeading, planRecordFiles, type RecordDraft } from './plan-record-files';
import { recordNumber, type ExistingFile, type ExportPlan, type PlannedFile } from './record-files';
import type { RecordsInput } from './records-input';
import type { RecordRef } from './record-status';

/** The file name of the MADR index. */
export const MADR_INDEX = 'index.md';
/** Front matter value that marks an index Stratum wrote (any other index.md is the team's own and is left alone). */
export const INDEX_GENERATOR = 'stratum';

/** Which record a MADR file holds, from its front matter `workshop` and `decision` (null for other files). */
export function readMadrRef(content: string): RecordRef | null {
  const fields = readFrontMatter(content);
  if (!fields || typeof fields.workshop !== 'string' || typeof fields.decision !== 'string') return null;
  return { workshop: fields.workshop, decision: fields.decision };
}

/** An index.md of every numbered record in the folder, with its status and date where its front matter says. */
export function madrIndex(files: readonly ExistingFile[]): string {
  const records = files.filter((f) => recordNumber(f.name) !== null).sort((a, b) => recordNumber(a.name)! - recordNumber(b.name)! || (a.name < b.name ? -1 : 1));
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? mdText(value) : '-');
  const rows = records.map((f) => {
    const fields = readFrontMatter(f.content) ?? {};
    return [String(recordNumber(f.name)).padStart(4, '0'), `[${mdText(firstHeading(f.content) || f.name, false)}](${f.name})`, text(fields.status), text(fields.date)];
  });
  return mdBlocks([
    writeFrontMatter({ generator: INDEX_GENERATOR }),
    '# Architecture Decision Records',
    records.length > 0 ? mdTable(['Number', 'Record', 'Status', 'Date'], rows) : 'No records yet.',
  ]);
}

/**
 * Plans a MADR export into a folder holding `existing` files: one file per decision, numbered after the
 * folder's records; a later export of the same workshop updates its own files (found by the front matter's
 * `workshop` and `decision`) in place and never writes any other file. Also plans index.md, unless the folder
 * has an index.md Stratum did not write.
 */
export function planMadrExport(existing: readonly ExistingFile[], input: RecordsInput): ExportPlan {
  const drafts: RecordDraft[] = input.pack.organisationDecisions.map((d) => ({
    ref: { workshop: input.workshop.id, decision: d.id },
    fileTitle: d.decision.title,
    render: (_file, linkTo) => madrRecord(input, d.id, linkTo),
  }));
  const files: PlannedFile[] = planRecordFiles(existing, drafts, readMadrRef);
  const written = new Set(files.map((f) => f.name));
  const folder = [...existing.filter((f) => !written.has(f.name)), ...files];
  const index = madrIndex(folder);
  const previous = existing.find((f) => f.name === MADR_INDEX);
  if (previous && readFrontMatter(previous.content)?.generator !== INDEX_GENERATOR) {
    return { files, skipped: [{ name: MADR_INDEX, reason: 'index.md exists and was not written by Stratum; it was left as it is' }] };
  }
  files.push({ name: MADR_INDEX, content: index, action: !previous ? 'create' : previous.content === index ? 'unchanged' : 'update' });
  return { files, skipped: [] };
}
