import { createHash } from 'node:crypto';
import path from 'node:path';
import { closestId } from '../../shared/util';
import { RECORDS_EXPORT_FORMATS, RECORDS_EXPORTS, type RecordsExportFormat } from '../../shared/contract';
import { buildRecordsInput, htmlReport, planMadrExport, planNygardExport, type ExportPlan, type RecordsInput } from '../../shared/records';
import { describeFsError, kindOf, prepareFolder, readRecordFolder, recordsFileContent, recordsFileName, writeFiles, writeOne } from '../export';
import { EXIT_INPUT, EXIT_OK, argsToRun, type CliIo } from './cli-io';
import { loadPackArg } from './pack-arg';
import { EXPORT_HELP } from './help-text';
import { asWorkshop, readInput, type WorkshopView } from './input-file';
import { split } from './parse-args';

export const EXPORT_FORMATS = RECORDS_EXPORT_FORMATS;
export type ExportFormat = RecordsExportFormat;

/** Where the CLI notes the single files it wrote (name, workshop id, sha256), so a re-export knows its own CSV or PDF. */
export const EXPORT_MANIFEST = '.stratum-exports.json';

/** What `stratum export` was asked to do. */
export type ExportArgs = { kind: 'help' } | { kind: 'run'; file: string; format: ExportFormat; to: string; force: boolean; pack: string | undefined };

/** Parses the arguments after `stratum export`; a message for a person when they are wrong. */
export function parseExportArgs(args: readonly string[]): { ok: true; value: ExportArgs } | { ok: false; message: string } {
  if (args.includes('--help') || args.includes('-h')) return { ok: true, value: { kind: 'help' } };
  const s = split(args, ['--format', '--to', '--pack'], ['--force']);
  if (s.error) return { ok: false, message: s.error };
  if (s.positional.length !== 1) {
    return { ok: false, message: s.positional.length === 0 ? 'export needs a workshop or answers file (or - for standard input)' : `export takes one file; found ${s.positional.length}: ${s.positional.join(' ')}` };
  }
  const format = s.options.get('--format') as string | undefined;
  if (format === undefined) return { ok: false, message: `export needs --format; allowed: ${EXPORT_FORMATS.join(', ')}` };
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    const suggestion = closestId(format, EXPORT_FORMATS);
    return { ok: false, message: `option --format: unknown format "${format}"; allowed: ${EXPORT_FORMATS.join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
  }
  const to = s.options.get('--to') as string | undefined;
  if (to === undefined) return { ok: false, message: 'export needs --to DIR: the folder to write into (created when missing)' };
  return { ok: true, value: { kind: 'run', file: s.positional[0]!, format: format as ExportFormat, to, force: s.options.has('--force'), pack: s.options.get('--pack') as string | undefined } };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const ACTION_WORDS = { create: 'created', update: 'updated', unchanged: 'unchanged' } as const;

function exportRecords(io: CliIo, dir: string, format: 'madr' | 'nygard', input: RecordsInput, view: WorkshopView, source: string): number {
  const existing = readRecordFolder(io, dir);
  if (!existing.ok) {
    io.stderr(`stratum: --to ${existing.message}`);
    return EXIT_INPUT;
  }
  const plan: ExportPlan = format === 'madr' ? planMadrExport(existing.files, input) : planNygardExport(existing.files, input);
  const written = writeFiles(io, dir, plan.files.filter((f) => f.action !== 'unchanged'));
  if (!written.ok) {
    io.stderr(`stratum: ${written.message}`);
    if (written.written.length > 0) io.stderr(`stratum: written before the failure: ${written.written.join(', ')}`);
    return EXIT_INPUT;
  }
  io.stdout(`Exported "${view.workshop.title}" as ${RECORDS_EXPORTS[format].name} into ${dir}:`);
  if (view.derived) io.stdout(`  (from the answers file ${source}: its records are known by the title, workshop id ${view.workshop.id})`);
  for (const file of plan.files) io.stdout(`  ${ACTION_WORDS[file.action].padEnd(10)} ${file.name}`);
  for (const skip of plan.skipped) io.stdout(`  ${'skipped'.padEnd(10)} ${skip.name}: ${skip.reason}`);
  const count = (action: string) => plan.files.filter((f) => f.action === action).length;
  io.stdout(`${count('create')} created, ${count('update')} updated, ${count('unchanged')} unchanged, ${plan.skipped.length} skipped; no other file was touched.`);
  return EXIT_OK;
}

interface Manifest {
  format: 'stratum.exports';
  version: 1;
  files: Record<string, { workshop: string; sha256: string }>;
}

function readManifest(io: CliIo, dir: string): Manifest {
  const empty: Manifest = { format: 'stratum.exports', version: 1, files: {} };
  try {
    const value = JSON.parse(io.readFile(path.join(dir, EXPORT_MANIFEST))) as Partial<Manifest>;
    if (value.format !== 'stratum.exports' || !value.files || typeof value.files !== 'object') return empty;
    // Only entries of the manifest's own shape are kept (and written back): anything else in it is dropped.
    const files: Manifest['files'] = {};
    for (const [name, noted] of Object.entries(value.files as Record<string, unknown>)) {
      const { workshop, sha256: hash } = (noted ?? {}) as Record<string, unknown>;
      if (typeof workshop === 'string' && typeof hash === 'string') files[name] = { workshop, sha256: hash };
    }
    return { ...empty, files };
  } catch {
    return empty;
  }
}

/** True when the existing file is this workshop's own earlier export: noted in the manifest unchanged, or naming the workshop inside. */
function isOwnExport(existing: Uint8Array, name: string, workshopId: string, format: ExportFormat, manifest: Manifest): boolean {
  const noted = manifest.files[name];
  if (noted && noted.workshop === workshopId && noted.sha256 === sha256(existing)) return true;
  const text = Buffer.from(existing).toString('utf8');
  if (format === 'json') {
    try {
      const file = JSON.parse(text) as { format?: unknown; workshop?: { id?: unknown } };
      return file.format === 'stratum.workshop' && file.workshop?.id === workshopId;
    } catch {
      return false;
    }
  }
  return format === 'html' && text.includes(`Workshop <code>${workshopId}</code>`);
}

async function exportSingleFile(io: CliIo, dir: string, format: 'json' | 'html' | 'pdf' | 'csv', input: RecordsInput, view: WorkshopView, force: boolean): Promise<number> {
  const name = recordsFileName(format, view.workshop.title).fileName;
  const target = path.join(dir, name);
  const manifest = readManifest(io, dir);
  const at = kindOf(io, target);
  if (!at.ok || at.kind === 'folder' || at.kind === 'other') {
    io.stderr(`stratum: ${target}: cannot write the file: ${at.ok ? 'a folder or other non-file has that name' : at.message}`);
    return EXIT_INPUT;
  }
  let previous: Uint8Array | null = null;
  if (at.kind === 'file') {
    try {
      previous = io.readBytes(target);
    } catch (error) {
      io.stderr(`stratum: ${target}: cannot read the existing file: ${describeFsError(error, 'read')}`);
      return EXIT_INPUT;
    }
  }
  const own = previous !== null && isOwnExport(previous, name, view.workshop.id, format, manifest);
  if (previous !== null && !own && !force) {
    io.stderr(`stratum: ${target}: the file exists and is not an earlier export of this workshop (${view.workshop.id}); nothing was written. Add --force to replace it, or choose another --to folder`);
    return EXIT_INPUT;
  }

  let data: string | Uint8Array;
  if (format === 'pdf') {
    const pdf = await io.printPdf(htmlReport(input));
    if (!pdf.ok) {
      io.stderr(`stratum: cannot make the PDF: ${pdf.message}`);
      return EXIT_INPUT;
    }
    data = pdf.pdf;
  } else {
    data = recordsFileContent(format, input);
  }

  const bytes = typeof data === 'string' ? new Uint8Array(Buffer.from(data)) : data;
  const unchanged = previous !== null && Buffer.from(previous).equals(Buffer.from(bytes));
  if (!unchanged) {
    const failed = writeOne(io, target, data);
    if (failed) {
      io.stderr(`stratum: ${failed}`);
      return EXIT_INPUT;
    }
  }
  manifest.files[name] = { workshop: view.workshop.id, sha256: sha256(bytes) };
  // The manifest is a convenience: failing to note a file does not undo the export.
  const manifestFailed = writeOne(io, path.join(dir, EXPORT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const how = previous === null ? 'created' : unchanged ? 'unchanged' : own ? 'updated (replaced this workshop\'s earlier export)' : 'replaced (--force)';
  io.stdout(`Exported "${view.workshop.title}" as ${RECORDS_EXPORTS[format].name}: ${target} ${how}, ${bytes.length} bytes`);
  if (manifestFailed) io.stderr(`stratum: note: ${manifestFailed}`);
  return EXIT_OK;
}

/** Runs `stratum export FILE --format F --to DIR`; resolves to the exit code. User mistakes exit 2. */
export async function runExportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const run = argsToRun(io, 'export', EXPORT_HELP, parseExportArgs(args));
  if (typeof run === 'number') return run;
  const { file, format, to, force } = run;
  const packArg = loadPackArg(io, run.pack);
  if (packArg === null) return EXIT_INPUT;
  const read = readInput(io, file, packArg);
  if (!read) return EXIT_INPUT;
  const { input: source, pack } = read;
  const folderProblem = prepareFolder(io, to);
  if (folderProblem) {
    io.stderr(`stratum: --to ${folderProblem}`);
    return EXIT_INPUT;
  }
  const now = io.now();
  const view = asWorkshop(source, now);
  const input = buildRecordsInput(view.workshop, view.state, pack, {
    generatedAt: now.toISOString(),
    ...(view.records !== undefined ? { records: view.records } : {}),
    diagram: format === 'html' || format === 'pdf',
  });
  if (format === 'madr' || format === 'nygard') return exportRecords(io, to, format, input, view, source.name);
  return exportSingleFile(io, to, format, input, view, force);
}
