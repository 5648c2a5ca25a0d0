import { z } from 'zod';
import { WorkshopId } from '../domain';

export const DIAGRAM_EXPORT_FORMATS = ['svg', 'png', 'drawio', 'mermaid'] as const;

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
