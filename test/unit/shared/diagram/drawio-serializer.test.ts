import { describe, expect, it } from 'vitest';
import { stackToDrawio, type StackLayout } from '../../../../shared/diagram';
import { expectGolden } from './golden';
import { inside } from './layout-invariants';
import { SCENARIO_NAMES, scenarioLayout } from './scenarios';
import { allElements, parseXml, type XmlElement } from './xml-check';

function cellsOf(xml: string): XmlElement[] {
  const root = parseXml(xml);
  expect(root.name).toBe('mxfile');
  const diagram = root.children[0]!;
  expect(diagram.name).toBe('diagram');
  const model = diagram.children[0]!;
  expect(model.name).toBe('mxGraphModel');
  const rootEl = model.children[0]!;
  expect(rootEl.name).toBe('root');
  return rootEl.children;
}

function absoluteBox(cells: Map<string, XmlElement>, id: string): { x: number; y: number; width: number; height: number } {
  const cell = cells.get(id)!;
  const g = cell.children.find((c) => c.name === 'mxGeometry')!;
  const own = { x: Number(g.attributes.x), y: Number(g.attributes.y), width: Number(g.attributes.width), height: Number(g.attributes.height) };
  const parent = cell.attributes.parent!;
  if (parent === '1') return own;
  const p = absoluteBox(cells, parent);
  return { ...own, x: own.x + p.x, y: own.y + p.y };
}

describe('stackToDrawio', () => {
  for (const name of ['cloud-single', 'hybrid-multi-hub-both', 'edited'] as const) {
    it(`${name}: matches its golden draw.io file`, () => {
      expectGolden(`stack-${name}.drawio`, stackToDrawio(scenarioLayout(name)));
    });
  }

  for (const name of SCENARIO_NAMES) {
    it(`${name}: well-formed, uncompressed, every parent, source and target exists, ids unique`, () => {
      const layout: StackLayout = scenarioLayout(name);
      const xml = stackToDrawio(layout);
      const cells = cellsOf(xml);
      expect(cells.every((c) => c.name === 'mxCell')).toBe(true);
      const ids = cells.map((c) => c.attributes.id!);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.slice(0, 2)).toEqual(['0', '1']);
      const byId = new Map(cells.map((c) => [c.attributes.id!, c]));
      const seen = new Set<string>();
      for (const c of cells) {
        // a parent is defined before its children, as draw.io reads the file in order
        for (const ref of ['parent', 'source', 'target']) {
          const v = c.attributes[ref];
          if (v !== undefined) expect(byId.has(v), `${c.attributes.id} ${ref}=${v}`).toBe(true);
        }
        if (c.attributes.parent) expect(seen.has(c.attributes.parent), `${c.attributes.id} parent defined first`).toBe(true);
        seen.add(c.attributes.id!);
        if (c.attributes.vertex === '1' || c.attributes.edge === '1') expect(c.children.some((g) => g.name === 'mxGeometry')).toBe(true);
      }
      // containers: placements hold layer cells, layer cells hold components, at relative coordinates
      for (const p of layout.placements) {
        expect(byId.get(`placement:${p.id}`)!.attributes.style).toContain('container=1');
        for (const cell of layout.cells.filter((c) => c.placement === p.id)) expect(byId.get(`cell:${cell.id}`)!.attributes.parent).toBe(`placement:${p.id}`);
      }
      for (const c of layout.components) {
        const el = byId.get(`component:${c.id}`)!;
        expect(el.attributes.parent).toBe(`cell:${c.placement}/${c.layer}`);
        const box = absoluteBox(byId, `component:${c.id}`);
        expect(box.x).toBeCloseTo(c.box.x, 1);
        expect(box.y).toBeCloseTo(c.box.y, 1);
        expect(inside(box, absoluteBox(byId, `placement:${c.placement}`))).toBe(true);
      }
      expect(cells.filter((c) => c.attributes.edge === '1').length).toBeGreaterThanOrEqual(layout.flows.length);
      expect(xml).not.toContain('compressed="true"');
      expect(allElements(parseXml(xml)).some((e) => e.name === 'diagram' && e.children.length === 1)).toBe(true);
    });
  }
});

describe('parseXml (the well-formedness check the tests rely on)', () => {
  it.each([
    ['<a><b></a></b>', /mismatched end tag/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a x=1/>', /unquoted attribute/],
    ['<a>fish & chips</a>', /bad entity reference/],
    ['<a title="x < y"/>', /"<" in text or attribute/],
    ['<a/><b/>', /more than one root element/],
    ['<a>', /unclosed element a/],
    ['<a>bell \u0007</a>', /character U\+0007 XML does not allow/],
    ['<a title="&#1;"/>', /reference to a character XML does not allow/],
    ['<a>\uD800</a>', /character U\+D800 XML does not allow/],
  ])('rejects %s', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('accepts a prolog, comments, entities and self-closing tags', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a k="&lt;&#x41;&quot;"><b/>text &amp; more</a>');
    expect(root).toEqual({ name: 'a', attributes: { k: '<A"' }, children: [{ name: 'b', attributes: {}, children: [] }] });
  });
});
