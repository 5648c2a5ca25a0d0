import path from 'node:path';
import { fail, ok, type ApiResult, type ExportedFile, type ExportRecordsInput, type RecordsExport, type WorkshopRef } from '../../shared/contract';
import { backlogCsv, buildRecordsInput, htmlReport, planMadrExport, planNygardExport, workshopToJson, type DecisionRecord } from '../../shared/records';
import { exportFileName } from '../../shared/workshop';
import { readRecordFolder, writeRecordFiles } from '../storage';
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
    const existing = readRecordFolder(input.folder);
    if (!existing.ok) return fail('storage', existing.message);
    const plan = input.format === 'madr' ? planMadrExport(existing.value, recordsInput) : planNygardExport(existing.value, recordsInput);
    const toWrite = plan.files.filter((f) => f.action !== 'unchanged');
    const written = writeRecordFiles(input.folder, toWrite);
    if (!written.ok) return fail('storage', written.message);
    return ok({ kind: 'folder', folder: input.folder, files: plan.files.map((f) => ({ name: f.name, action: f.action })), skipped: plan.skipped });
  }
  const content = input.format === 'json' ? workshopToJson(recordsInput) : input.format === 'html' ? htmlReport(recordsInput) : backlogCsv(recordsInput);
  const [extension, mimeType, what] =
    input.format === 'json'
      ? ['stratum.json', 'application/json', 'workshop']
      : input.format === 'html'
        ? ['html', 'text/html', 'report']
        : ['csv', 'text/csv', 'backlog'];
  return ok({ kind: 'file', file: { fileName: exportFileName(workshop.title, what, extension), mimeType, encoding: 'utf8', content } });
}

/** The HTML report printed to PDF (Electron's printToPDF in the desktop window, headless Chromium elsewhere). */
export async function exportRecordsPdf(deps: HandlerDeps, input: WorkshopRef): Promise<ApiResult<ExportedFile>> {
  const html = exportRecords(deps, { id: input.id, format: 'html' });
  if (!html.ok) return html;
  if (html.value.kind !== 'file') return fail('internal', 'The report came back in an unexpected form.');
  const printed = await deps.printPdf(html.value.file.content);
  if (!printed.ok) return fail('unavailable', printed.message);
  return ok({
    fileName: html.value.file.fileName.replace(/\.html$/, '.pdf'),
    mimeType: 'application/pdf',
    encoding: 'base64',
    content: Buffer.from(printed.pdf).toString('base64'),
  });
}
