import { parse } from '@mermaid-js/parser';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_FORMATS, exportDiagram, pngSize, type DiagramFormat } from '../../../../electron/export';
import { scenarioLayout } from '../../shared/diagram/scenarios';
import { parseXml } from '../../shared/diagram/xml-check';

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
});
