import { z } from 'zod';
import { WorkshopId } from '../domain';

/** The formats the stack diagram exports to, in the order they are offered. */
export const DIAGRAM_EXPORT_FORMATS = ['svg', 'png', 'drawio', 'mermaid'] as const;
export type DiagramExportFormat = (typeof DIAGRAM_EXPORT_FORMATS)[number];

/** A diagram format as the page offers it and as a file is named and typed; one table for the app and the command line. */
export const DIAGRAM_EXPORTS: Readonly<Record<DiagramExportFormat, { label: string; extension: string; mimeType: string; alsoExtensions: readonly string[] }>> = {
  svg: { label: 'SVG image', extension: 'svg', mimeType: 'image/svg+xml', alsoExtensions: [] },
  png: { label: 'PNG image', extension: 'png', mimeType: 'image/png', alsoExtensions: [] },
  drawio: { label: 'draw.io diagram', extension: 'drawio', mimeType: 'application/vnd.jgraph.mxfile', alsoExtensions: [] },
  mermaid: { label: 'Mermaid text', extension: 'mmd', mimeType: 'text/vnd.mermaid', alsoExtensions: ['mermaid'] },
};

/** Every form the decision records export to: records into the team's folder, or one file to save. */
export const RECORDS_EXPORT_FORMATS = ['madr', 'nygard', 'json', 'html', 'pdf', 'csv'] as const;
export type RecordsExportFormat = (typeof RECORDS_EXPORT_FORMATS)[number];

/** A records format as the page offers it (`label`), as the command line reports it (`name`), and how its file is named and typed. */
export type RecordsExportKind =
  | { into: 'folder'; label: string; name: string }
  | { into: 'file'; label: string; name: string; what: string; extension: string; mimeType: string };

/** One table for the app and the command line. */
export const RECORDS_EXPORTS = {
  madr: { into: 'folder', label: 'MADR records (into a folder)', name: 'MADR records' },
  nygard: { into: 'folder', label: 'adr-tools records (into a folder)', name: 'adr-tools records' },
  json: { into: 'file', label: 'Whole workshop (JSON)', name: 'workshop JSON', what: 'workshop', extension: 'stratum.json', mimeType: 'application/json' },
  html: { into: 'file', label: 'HTML report', name: 'HTML report', what: 'report', extension: 'html', mimeType: 'text/html' },
  pdf: { into: 'file', label: 'PDF report', name: 'PDF report', what: 'report', extension: 'pdf', mimeType: 'application/pdf' },
  csv: { into: 'file', label: 'Risks as backlog CSV', name: 'backlog CSV', what: 'backlog', extension: 'csv', mimeType: 'text/csv' },
} as const satisfies Readonly<Record<RecordsExportFormat, RecordsExportKind>>;

export const DiagramExportInput = z
  .object({
    id: WorkshopId,
    format: z.enum(DIAGRAM_EXPORT_FORMATS, { message: `must be one of ${DIAGRAM_EXPORT_FORMATS.join(', ')}` }),
    scale: z.number({ message: 'must be a number' }).min(1, { message: 'must be from 1 to 4' }).max(4, { message: 'must be from 1 to 4' }).optional(),
    background: z.enum(['white', 'transparent'], { message: 'must be white or transparent' }).optional(),
  })
  .strict();
export type DiagramExportInput = z.infer<typeof DiagramExportInput>;

/** A file produced for the person to save: text as UTF-8, binary as base64. */
export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
