import { Resvg } from '@resvg/resvg-js';

/** Smallest and largest PNG scale factors (1x to 4x). */
export const PNG_SCALE_MIN = 1;
export const PNG_SCALE_MAX = 4;

/** How to rasterize: scale factor and page background. */
export interface PngOptions {
  /** 1 to 4; default 1. */
  scale?: number;
  /** 'white' (default) or 'transparent'. */
  background?: 'white' | 'transparent';
}

/** A PNG and its pixel size, or a message for a person. */
export type PngResult = { ok: true; png: Uint8Array; width: number; height: number } | { ok: false; message: string };

/** Checks a scale a person typed (CLI `--scale`, export dialog). */
export function checkScale(scale: unknown): string | null {
  if (typeof scale !== 'number' || !Number.isFinite(scale)) return `scale must be a number from ${PNG_SCALE_MIN} to ${PNG_SCALE_MAX}; got ${String(scale)}`;
  if (scale < PNG_SCALE_MIN || scale > PNG_SCALE_MAX) return `scale must be from ${PNG_SCALE_MIN} to ${PNG_SCALE_MAX}; got ${scale}`;
  return null;
}

/** Rasterizes an SVG document to PNG with resvg (bundled native binary, system fonts). */
export function renderPng(svg: string, options: PngOptions = {}): PngResult {
  const scale = options.scale ?? 1;
  const problem = checkScale(scale);
  if (problem) return { ok: false, message: problem };
  const background = options.background ?? 'white';
  if (background !== 'white' && background !== 'transparent') return { ok: false, message: `background must be white or transparent; got ${String(background)}` };
  let rendered;
  try {
    rendered = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { loadSystemFonts: true },
      ...(background === 'white' ? { background: '#FFFFFF' } : {}),
      shapeRendering: 2,
      textRendering: 1,
    }).render();
  } catch (error) {
    return { ok: false, message: `the SVG could not be rendered: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, png: new Uint8Array(rendered.asPng()), width: rendered.width, height: rendered.height };
}
