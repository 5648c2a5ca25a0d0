import path from 'node:path';
import { fail, ok, RECORDS_EXPORTS, type ApiResult, type ExportedFile, type ExportRecordsInput, type RecordsExport, type WorkshopRef } from '../../shared/contract';
import { buildRecordsInput, planMadrExport, planNygardExport, type DecisionRecord } from '../../shared/records';
import { nodeExportFs, prepareFolder, readRecordFolder, recordsFileContent, recordsFileName, writeFiles } from '../export';
import type { HandlerDeps } from './deps';
import { readWorkshop } from './workshop-pack';

/**
 * Exports a workshop's records: MADR or adr-tools files into the team's folder (continuing its numbering,
 * updating this workshop's own records in place, never touching other files), or one JSON, HTML or CSV file.
 */
export function exportRecords(deps: HandlerDeps, input: ExportRecordsInput): ApiResult<RecordsExport> {
  const read = readWorkshop(deps, input.id);
  if (!read.ok) return read.result;
  const { workshop, pack } = read;
  const records: DecisionRecord[] = [];
  for (const d of pack.organisationDecisions) {
    const r = deps.records.get(input.id, d.id);
    if (r) records.push(r);
  }
  const recordsInput = buildRecordsInput(workshop, read.state, pack, { generatedAt: deps.clock().toISOString(), records, diagram: input.format === 'html' });

  if (input.format === 'madr' || input.format === 'nygard') {
    if (!input.folder) return fail('invalid-input', 'folder is required: the folder of your decision records.', [{ path: 'folder', message: 'is required: the folder of your decision records' }]);
    if (!path.isAbsolute(input.folder)) return fail('invalid-input', 'folder must be a full path, such as /home/you/project/docs/decisions.', [{ path: 'folder', message: 'must be a full path, such as /home/you/project/docs/decisions' }]);
    const files = nodeExportFs();
    const folderProblem = prepareFolder(files, input.folder);
    if (folderProblem) return fail('storage', `${folderProblem}.`);
    const existing = readRecordFolder(files, input.folder);
    if (!existing.ok) return fail('storage', `${existing.message}.`);
    const plan = input.format === 'madr' ? planMadrExport(existing.files, recordsInput) : planNygardExport(existing.files, recordsInput);
    const written = writeFiles(files, input.folder, plan.files.filter((f) => f.action !== 'unchanged'));
    if (!written.ok) return fail('storage', `${written.message}.${written.written.length > 0 ? ` Written before the failure: ${written.written.join(', ')}.` : ''}`);
    return ok({ kind: 'folder', folder: input.folder, files: plan.files.map((f) => ({ name: f.name, action: f.action })), skipped: plan.skipped });
  }
  const { fileName, mimeType } = recordsFileName(input.format, workshop.title);
  return ok({ kind: 'file', file: { fileName, mimeType, encoding: 'utf8', content: recordsFileContent(input.format, recordsInput) } });
}

/** The HTML report printed to PDF (Electron's printToPDF in the desktop window, headless Chromium elsewhere). */
export async function exportRecordsPdf(deps: HandlerDeps, input: WorkshopRef): Promise<ApiResult<ExportedFile>> {
  const html = exportRecords(deps, { id: input.id, format: 'html' });
  if (!html.ok) return html;
  if (html.value.kind !== 'file') return fail('internal', 'The report came back in an unexpected form.');
  const printed = await deps.printPdf(html.value.file.content);
  if (!printed.ok) return fail('unavailable', printed.message);
  return ok({
    // The report's own name, as a PDF.
    fileName: html.value.file.fileName.replace(/\.html$/, `.${RECORDS_EXPORTS.pdf.extension}`),
    mimeType: RECORDS_EXPORTS.pdf.mimeType,
    encoding: 'base64',
    content: Buffer.from(printed.pdf).toString('base64'),
  });
}
