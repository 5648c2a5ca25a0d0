// Node-side exports of the stack diagram: PNG through resvg, and one entry point for every format.
export { PNG_SCALE_MAX, PNG_SCALE_MIN, checkScale, renderPng, type PngOptions, type PngResult } from './render-png';
export { pngSize } from './png-size';
export { DIAGRAM_FORMATS, exportDiagram, stackToPng, type DiagramExportResult, type DiagramFile, type DiagramFormat } from './diagram-export';
export * from './pdf';
export * from './export-folder';
export * from './records-files';
