import { RECORDS_EXPORTS, type RecordsExportFormat } from '../../shared/contract';
import { backlogCsv, htmlReport, workshopToJson, type RecordsInput } from '../../shared/records';
import { exportFileName } from '../../shared/workshop';

/** The records formats that are one text file. */
export type RecordsTextFormat = 'json' | 'html' | 'csv';

/** A records export that is one text file: the whole workshop as JSON, the HTML report, or the risks as a backlog CSV. */
export function recordsFileContent(format: RecordsTextFormat, input: RecordsInput): string {
  return format === 'json' ? workshopToJson(input) : format === 'html' ? htmlReport(input) : backlogCsv(input);
}

/** The name a single-file export takes ("contoso-records-report.html"), and its MIME type. */
export function recordsFileName(format: Exclude<RecordsExportFormat, 'madr' | 'nygard'>, workshopTitle: string): { fileName: string; mimeType: string } {
  const kind = RECORDS_EXPORTS[format];
  if (kind.into !== 'file') throw new Error(`${format} exports into a folder, not a file`);
  return { fileName: exportFileName(workshopTitle, kind.what, kind.extension), mimeType: kind.mimeType };
}
