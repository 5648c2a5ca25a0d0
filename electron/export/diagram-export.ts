import { stackToDrawio, stackToMermaid, stackToSvg, type StackLayout } from '../../shared/diagram';
import { renderPng, type PngOptions } from './render-png';

/** The formats the stack diagram exports to. */
export const DIAGRAM_FORMATS = ['svg', 'png', 'drawio', 'mermaid'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

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
  switch (format) {
    case 'svg':
      return { ok: true, value: { format, data: stackToSvg(layout, { background: options.background ?? 'white' }), extension: 'svg', mimeType: 'image/svg+xml' } };
    case 'drawio':
      return { ok: true, value: { format, data: stackToDrawio(layout), extension: 'drawio', mimeType: 'application/vnd.jgraph.mxfile' } };
    case 'mermaid':
      return { ok: true, value: { format, data: stackToMermaid(layout), extension: 'mmd', mimeType: 'text/vnd.mermaid' } };
    case 'png': {
      const background = options.background ?? 'white';
      const png = renderPng(stackToSvg(layout, { background: 'transparent' }), { ...options, background });
      if (!png.ok) return { ok: false, message: png.message };
      return { ok: true, value: { format, data: png.png, extension: 'png', mimeType: 'image/png' } };
    }
    default:
      return { ok: false, message: `format must be one of ${DIAGRAM_FORMATS.join(', ')}; got ${String(format)}` };
  }
}

/** Rasterizes the layout straight to PNG (the main process and CLI use this). */
export function stackToPng(layout: StackLayout, options: PngOptions = {}): ReturnType<typeof renderPng> {
  return renderPng(stackToSvg(layout, { background: 'transparent' }), options);
}
