import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeXml, stackToSvg } from '../../../../shared/diagram';
import { expectGolden } from './golden';
import { SCENARIO_NAMES, scenarioLayout } from './scenarios';
import { allElements, parseXml } from './xml-check';

const RSVG = 'rsvg-convert';
const hasRsvg = spawnSync(RSVG, ['--version']).status === 0;
if (!hasRsvg) console.warn('Skipping the librsvg rendering test: rsvg-convert is not installed (Debian package librsvg2-bin).');
const dir = mkdtempSync(join(tmpdir(), 'stratum-svg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('stackToSvg', () => {
  for (const name of SCENARIO_NAMES) {
    it(`${name}: matches its golden SVG`, () => {
      expectGolden(`stack-${name}.svg`, stackToSvg(scenarioLayout(name)));
    });
  }

  it('is self-contained: well-formed, a viewBox, no foreignObject, no external references, no style sheets', () => {
    for (const name of SCENARIO_NAMES) {
      const svg = stackToSvg(scenarioLayout(name));
      const root = parseXml(svg);
      expect(root.name).toBe('svg');
      expect(root.attributes.viewBox).toMatch(/^0 0 \d+ \d+$/);
      expect(root.attributes['font-family']).toContain('DejaVu Sans');
      const names = new Set(allElements(root).map((e) => e.name));
      for (const banned of ['foreignObject', 'image', 'style', 'script', 'use', 'a']) expect(names.has(banned), banned).toBe(false);
      for (const el of allElements(root)) {
        for (const [attr, value] of Object.entries(el.attributes)) {
          expect(attr.startsWith('xlink') || attr === 'href', `${el.name} ${attr}`).toBe(false);
          expect(/url\((?!#)/.test(value), `${el.name} ${attr}=${value}`).toBe(false);
        }
      }
      expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    }
  });

  it('escapes text: a label with <, & and quotes stays text', () => {
    const svg = stackToSvg(scenarioLayout('edited'));
    expect(svg).toContain('registry &lt;prod&gt;');
    expect(svg).toContain('&amp; &quot;staging&quot;');
    const texts = allElements(parseXml(svg)).filter((e) => e.name === 'text');
    expect(texts.length).toBeGreaterThan(50);
  });

  it('keeps a use case\'s whole name in a tooltip when its box cuts it short', () => {
    const layout = scenarioLayout('crowded');
    const svg = stackToSvg(layout);
    const cut = layout.components.filter((c) => c.key.startsWith('uc-') && c.text[0]!.truncated);
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) expect(svg).toContain(`<title>${escapeXml(c.label)}</title>`);
    // Names that fit are written out in full, with no tooltip.
    const fits = layout.components.find((c) => c.key.startsWith('uc-') && !c.text[0]!.truncated);
    if (fits) expect(svg).not.toContain(`<title>${escapeXml(fits.label)}</title>`);
  });

  it('leaves the page clear when asked for a transparent background', () => {
    const layout = scenarioLayout('cloud-single');
    expect(stackToSvg(layout)).toContain(`<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#FFFFFF"/>`);
    expect(stackToSvg(layout, { background: 'transparent' })).not.toContain(`width="${layout.width}" height="${layout.height}" fill="#FFFFFF"`);
  });

  it.skipIf(!hasRsvg)('librsvg renders every SVG at its own size and at 2x (skipped when rsvg-convert is missing)', () => {
    for (const name of SCENARIO_NAMES) {
      const layout = scenarioLayout(name);
      const svgFile = join(dir, `${name}.svg`);
      writeFileSync(svgFile, stackToSvg(layout));
      const png = join(dir, `${name}.png`);
      const result = spawnSync(RSVG, ['--format=png', '--output', png, svgFile], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(pngSize(png)).toEqual({ width: layout.width, height: layout.height });
      execFileSync(RSVG, ['--zoom=2', '--format=png', '--output', png, svgFile]);
      expect(pngSize(png)).toEqual({ width: layout.width * 2, height: layout.height * 2 });
    }
  }, 60_000);
});
