import { DIAGRAM_EXPORT_FORMATS, DIAGRAM_EXPORTS, type DiagramExportFormat } from '../../shared/contract';
import { stackToDrawio, stackToMermaid, stackToSvg, type StackLayout } from '../../shared/diagram';
import { renderPng, type PngOptions } from './render-png';

/** The formats the stack diagram exports to (the contract's one table). */
export const DIAGRAM_FORMATS = DIAGRAM_EXPORT_FORMATS;
export type DiagramFormat = DiagramExportFormat;

/** A file ready to save: its bytes or text, the usual extension and MIME type. */
export interface DiagramFile {
  format: DiagramFormat;
  data: string | Uint8Array;
  extension: string;
  mimeType: string;
}

export type DiagramExportResult = { ok: true; value: DiagramFile } | { ok: false; message: string };

/** Writes the layout in one format; PNG takes a scale (1 to 4) and a white or transparent background. */
export function exportDiagram(layout: StackLayout, format: DiagramFormat, options: PngOptions = {}): DiagramExportResult {
  const file = (data: string | Uint8Array): DiagramExportResult => ({ ok: true, value: { format, data, extension: DIAGRAM_EXPORTS[format].extension, mimeType: DIAGRAM_EXPORTS[format].mimeType } });
  switch (format) {
    case 'svg':
      return file(stackToSvg(layout, { background: options.background ?? 'white' }));
    case 'drawio':
      return file(stackToDrawio(layout));
    case 'mermaid':
      return file(stackToMermaid(layout));
    case 'png': {
      const background = options.background ?? 'white';
      const png = renderPng(stackToSvg(layout, { background: 'transparent' }), { ...options, background });
      if (!png.ok) return { ok: false, message: png.message };
      return file(png.png);
    }
    default:
      return { ok: false, message: `format must be one of ${DIAGRAM_FORMATS.join(', ')}; got ${String(format)}` };
  }
}

/** Rasterizes the layout straight to PNG (the main process and CLI use this). */
export function stackToPng(layout: StackLayout, options: PngOptions = {}): ReturnType<typeof renderPng> {
  return renderPng(stackToSvg(layout, { background: 'transparent' }), options);
}
