import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { layoutStack, stackToSvg } from '../../../../shared/diagram';
import { checkScale, pngSize, renderPng, stackToPng } from '../../../../electron/export';
import { scenarioInput, scenarioLayout } from '../../shared/diagram/scenarios';

/** The first pixel's RGBA: the first pixel of the first row is stored raw whatever the row filter. */
function firstPixel(png: Uint8Array): number[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [];
  let colourType = -1;
  for (let off = 8; off < png.length; ) {
    const len = view.getUint32(off);
    const type = String.fromCharCode(...png.subarray(off + 4, off + 8));
    if (type === 'IHDR') colourType = png[off + 8 + 9]!;
    if (type === 'IDAT') chunks.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  expect(channels).toBeGreaterThan(0);
  const px = [...raw.subarray(1, 1 + channels)];
  return channels === 4 ? px : [...px, 255];
}

describe('renderPng', () => {
  const layout = scenarioLayout('hybrid-multi-hub-both');
  const svg = stackToSvg(layout, { background: 'transparent' });

  it.each([1, 2, 3, 4])('renders at %ix the layout size', (scale) => {
    const r = renderPng(svg, { scale });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect({ width: r.width, height: r.height }).toEqual({ width: layout.width * scale, height: layout.height * scale });
    expect(pngSize(r.png)).toEqual({ width: layout.width * scale, height: layout.height * scale });
  });

  it('takes a fractional scale between 1 and 4', () => {
    const r = renderPng(svg, { scale: 1.5 });
    expect(r.ok && pngSize(r.png)).toEqual({ width: Math.round(layout.width * 1.5), height: Math.round(layout.height * 1.5) });
  });

  it('paints white by default and leaves the page transparent when asked', () => {
    const white = renderPng(svg);
    const clear = renderPng(svg, { background: 'transparent' });
    expect(white.ok && clear.ok).toBe(true);
    if (!white.ok || !clear.ok) return;
    expect(firstPixel(white.png)).toEqual([255, 255, 255, 255]);
    expect(firstPixel(clear.png)[3]).toBe(0);
  });

  it('refuses a scale outside 1..4 or not a number, with a message', () => {
    expect(renderPng(svg, { scale: 5 })).toEqual({ ok: false, message: 'scale must be from 1 to 4; got 5' });
    expect(renderPng(svg, { scale: 0.5 })).toEqual({ ok: false, message: 'scale must be from 1 to 4; got 0.5' });
    expect(checkScale(Number.NaN)).toBe('scale must be a number from 1 to 4; got NaN');
    expect(checkScale(2)).toBeNull();
  });

  it('reports an SVG it cannot parse instead of throwing', () => {
    const r = renderPng('<svg');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^the SVG could not be rendered: /);
  });

  it('renders the crowded roadmap (24 use cases, four columns) at its size', () => {
    const crowded = scenarioLayout('crowded');
    const r = stackToPng(crowded, { scale: 1 });
    expect(r.ok && pngSize(r.png)).toEqual({ width: crowded.width, height: crowded.height });
  });

  it('renders use-case names pasted with characters XML cannot hold (control characters, broken surrogates)', () => {
    const input = scenarioInput('cloud-single');
    const names = ['Bell \u0007 summaries', 'Form\u000Cfeed \uD800 recommendations', '\u0000'];
    const evaluation = { ...input.evaluation, useCases: input.evaluation.useCases.map((u, i) => ({ ...u, name: names[i]! })) };
    const layout = layoutStack({ ...input, evaluation });
    const r = stackToPng(layout, { scale: 1 });
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
  });

  it('stackToPng rasterizes a layout directly', () => {
    const r = stackToPng(scenarioLayout('cloud-single'), { scale: 2, background: 'white' });
    expect(r.ok && pngSize(r.png)).toEqual({ width: scenarioLayout('cloud-single').width * 2, height: scenarioLayout('cloud-single').height * 2 });
  });
});

describe('pngSize', () => {
  it('reads IHDR and rejects bytes that are not a PNG', () => {
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull();
    expect(pngSize(new TextEncoder().encode('GIF89a-not-a-png-at-all-really'))).toBeNull();
  });
});
