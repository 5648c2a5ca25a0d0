import { parse } from '@mermaid-js/parser';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_FORMATS, exportDiagram, pngSize, type DiagramFormat } from '../../../../electron/export';
import { scenarioLayout } from '../../shared/diagram/scenarios';
import { allElements, parseXml } from '../../shared/diagram/xml-check';

describe('exportDiagram', () => {
  const layout = scenarioLayout('federated');

  it('writes every format with its extension and MIME type', async () => {
    const files = Object.fromEntries(DIAGRAM_FORMATS.map((f) => [f, exportDiagram(layout, f, { scale: 2 })]));
    for (const f of DIAGRAM_FORMATS) expect(files[f]!.ok, f).toBe(true);
    const get = (f: DiagramFormat) => (files[f]!.ok ? files[f]!.value : null)!;
    expect(get('svg')).toMatchObject({ extension: 'svg', mimeType: 'image/svg+xml' });
    expect(parseXml(get('svg').data as string).name).toBe('svg');
    expect(parseXml(get('drawio').data as string).name).toBe('mxfile');
    expect(get('drawio').extension).toBe('drawio');
    await expect(parse('architecture', get('mermaid').data as string)).resolves.toBeDefined();
    expect(get('mermaid').extension).toBe('mmd');
    expect(get('png').mimeType).toBe('image/png');
    expect(pngSize(get('png').data as Uint8Array)).toEqual({ width: layout.width * 2, height: layout.height * 2 });
  });

  it('passes PNG problems on as messages and refuses unknown formats', () => {
    expect(exportDiagram(layout, 'png', { scale: 8 })).toEqual({ ok: false, message: 'scale must be from 1 to 4; got 8' });
    expect(exportDiagram(layout, 'pdf' as DiagramFormat)).toEqual({ ok: false, message: 'format must be one of svg, png, drawio, mermaid; got pdf' });
  });

  it('writes titles that read like markup as text, in SVG and PNG alike', () => {
    for (const title of ['Q2 onboarding=fast', 'Wiki src=https://intranet', '"><svg onload=alert(1)>', '<script>alert(1)</script>']) {
      const titled = scenarioLayout('federated', { workshop: { title, date: '2026-11-28' } });
      const svg = exportDiagram(titled, 'svg');
      if (!svg.ok) throw new Error(svg.message);
      const elements = allElements(parseXml(svg.value.data as string));
      expect(elements.filter((e) => e.name === 'svg' || e.name === 'script'), title).toHaveLength(1);
      expect(elements.flatMap((e) => Object.keys(e.attributes)).filter((a) => /^on/i.test(a))).toEqual([]);
      const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(svg.value.data).toContain(`<title id="stack-title">${escaped}: AI infrastructure stack</title>`);
      expect(exportDiagram(titled, 'png').ok, title).toBe(true);
    }
  });
});
