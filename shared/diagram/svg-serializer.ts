import { LAYER_COLOURS, PALETTE } from './palette';
import type { LegendSwatch, Point, Rect, StackLayout, TextBlock } from './stack-layout';
import { escapeXml } from './xml-escape';

/** How the SVG is written. */
export interface SvgOptions {
  /** 'white' (default) paints a white page; 'transparent' leaves it clear (for PNG with alpha). */
  background?: 'white' | 'transparent';
}

/**
 * The drawing as elements: what the SVG file is written from (printSvg) and what the page renders with React, so the
 * screen and every export draw the same thing. Text children are raw text (escaped when printed). In a group (svg,
 * g, defs) each child stands on a line of its own when printed; an array of elements shares one line.
 */
export interface SvgElement {
  tag: string;
  attrs: Readonly<Record<string, string>>;
  children: ReadonlyArray<SvgElement | string | readonly SvgElement[]>;
}

const n = (v: number): string => String(Math.round(v * 100) / 100);

const el = (tag: string, attrs: Record<string, string>, ...children: Array<SvgElement | string | readonly SvgElement[] | null>): SvgElement => ({
  tag,
  attrs,
  children: children.filter((c): c is SvgElement | string | readonly SvgElement[] => c !== null),
});

type Paint = Record<string, string>;

function rectEl(r: Rect, paint: Paint, radius = 0): SvgElement {
  return el('rect', { x: n(r.x), y: n(r.y), width: n(r.width), height: n(r.height), ...(radius ? { rx: String(radius) } : {}), ...paint });
}

function textEl(t: TextBlock): SvgElement | null {
  if (t.lines.length === 0) return null;
  const attrs: Record<string, string> = { 'font-size': n(t.fontSize) };
  if (t.weight === 'bold') attrs['font-weight'] = 'bold';
  if (t.anchor === 'middle') attrs['text-anchor'] = 'middle';
  attrs.fill = t.colour;
  return el('text', attrs, t.truncated ? el('title', {}, t.full) : null, ...t.lines.map((line, i) => el('tspan', { x: n(t.x), y: n(t.y + i * t.lineHeight) }, line)));
}

const texts = (blocks: readonly TextBlock[]): Array<SvgElement | null> => blocks.map(textEl);

function line(a: Point, b: Point, paint: Paint): SvgElement {
  return el('line', { x1: n(a.x), y1: n(a.y), x2: n(b.x), y2: n(b.y), ...paint });
}

function arrow(a: Point, b: Point, colour: string, marker: string): SvgElement {
  return line(a, b, { stroke: colour, 'stroke-width': '1.5', 'marker-end': `url(#${marker})` });
}

function swatch(s: LegendSwatch, r: Rect): SvgElement | readonly SvgElement[] {
  const midY = r.y + r.height / 2;
  switch (s.kind) {
    case 'layer':
      return [
        rectEl(r, { fill: PALETTE.componentFill, stroke: LAYER_COLOURS[s.layer].stroke, 'stroke-width': '1.5' }, 4),
        rectEl({ x: r.x, y: r.y, width: 4, height: r.height }, { fill: LAYER_COLOURS[s.layer].stroke }),
      ];
    case 'edited':
      return rectEl(r, { fill: PALETTE.componentFill, stroke: PALETTE.text, 'stroke-width': '1.5', 'stroke-dasharray': '4 3' }, 4);
    case 'flow':
      return arrow({ x: r.x, y: midY }, { x: r.x + r.width, y: midY }, PALETTE.flow, 'arrow-flow');
    case 'residency':
      return rectEl(r, { fill: 'none', stroke: PALETTE.residency, 'stroke-width': '2', 'stroke-dasharray': '6 4' }, 4);
    case 'badge':
      return rectEl({ x: r.x + 1, y: r.y, width: 26, height: 16 }, { fill: PALETTE.badge }, 3);
    case 'governance':
      return rectEl(r, { fill: PALETTE.governance, stroke: PALETTE.governanceStroke, 'stroke-width': '1.5' }, 4);
    case 'lane':
      return rectEl(r, { fill: PALETTE.lane, stroke: PALETTE.frame, 'stroke-width': '1' }, 4);
    case 'step':
      return rectEl(r, { fill: PALETTE.step, stroke: PALETTE.text, 'stroke-width': '1' }, 12);
  }
}

const arrowHead = (id: string, size: string, colour: string): SvgElement =>
  el('marker', { id, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: size, markerHeight: size, orient: 'auto' }, el('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }));

const PANEL: Paint = { fill: PALETTE.panel, stroke: PALETTE.frame, 'stroke-width': '1' };

/** The parts of the drawing under the title block: the governance band, layers, placements, components and what crosses them. */
function body(layout: StackLayout): SvgElement[] {
  const parts: SvgElement[] = [];
  const g = layout.governance;
  if (g) {
    const dash: Paint = g.model === 'federated' ? { 'stroke-dasharray': '5 4' } : {};
    const lanes = g.lanes.flatMap((lane) => [
      line(lane.link[0], { x: lane.link[1].x, y: lane.link[1].y + 1 }, { stroke: PALETTE.governanceStroke, 'stroke-width': '1.5', ...dash, 'marker-end': 'url(#arrow-lane)' }),
      rectEl(lane.box, { fill: PALETTE.lane, stroke: PALETTE.frame, 'stroke-width': '1' }, 4),
      ...texts(lane.text),
    ]);
    parts.push(el('g', { id: 'governance' }, rectEl(g.box, { fill: PALETTE.governance, stroke: PALETTE.governanceStroke, 'stroke-width': '1.5' }, 6), ...lanes, ...texts(g.text)));
  }
  // Layer bands, then placement columns over them.
  const bands = layout.layers.flatMap((row) => [
    rectEl(row.box, { fill: LAYER_COLOURS[row.id].band }, 4),
    rectEl({ x: row.box.x, y: row.box.y, width: 5, height: row.box.height }, { fill: LAYER_COLOURS[row.id].stroke }),
    ...texts(row.text),
  ]);
  const badges = layout.badges.flatMap((b) => [rectEl(b.box, { fill: PALETTE.badge }, 3), textEl(b.text)]);
  parts.push(el('g', { id: 'layers' }, ...bands, ...badges));
  parts.push(
    el(
      'g',
      { id: 'placements' },
      ...layout.placements.flatMap((p) => [
        rectEl(p.box, { fill: 'none', stroke: PALETTE.frame, 'stroke-width': '1.5' }, 6),
        rectEl(p.header, { fill: PALETTE.header, stroke: PALETTE.frame, 'stroke-width': '1' }, 6),
        ...texts(p.text),
      ]),
    ),
  );
  const components = layout.components.map((c) => {
    const colours = LAYER_COLOURS[c.layer];
    const dash: Paint = c.origin === 'added' || c.moved ? { 'stroke-dasharray': '5 3' } : {};
    return el(
      'g',
      { id: `component:${c.id}` },
      rectEl(c.box, { fill: PALETTE.componentFill, stroke: colours.stroke, 'stroke-width': '1.5', ...dash }, 5),
      rectEl({ x: c.box.x, y: c.box.y + 4, width: 4, height: c.box.height - 8 }, { fill: colours.stroke }),
      ...texts(c.text),
    );
  });
  parts.push(el('g', { id: 'components' }, ...components));
  // Residency boundary and flows on top.
  const r = layout.residency;
  if (r) parts.push(el('g', { id: 'residency' }, rectEl(r.box, { fill: 'none', stroke: PALETTE.residency, 'stroke-width': '2', 'stroke-dasharray': '8 5' }, 10), ...texts(r.text)));
  if (layout.flows.length > 0) {
    const flows = layout.flows.flatMap((f) => [
      arrow(f.points[0], f.points[1], PALETTE.flow, 'arrow-flow'),
      el('circle', { cx: n(f.marker.x), cy: n(f.marker.y), r: String(f.marker.r), fill: PALETTE.flow, stroke: PALETTE.background, 'stroke-width': '1.5' }),
      textEl(f.marker.text),
    ]);
    parts.push(el('g', { id: 'flows' }, ...flows));
  }
  return parts;
}

/** The serving paths, the panels and the legend, below the stack. */
function footer(layout: StackLayout): SvgElement[] {
  const parts: SvgElement[] = [];
  for (const path of layout.servingPaths) {
    parts.push(
      el(
        'g',
        { id: `serving-${path.id}` },
        rectEl(path.box, PANEL, 6),
        ...texts(path.text),
        ...path.steps.flatMap((s) => [rectEl(s.box, { fill: PALETTE.step, stroke: PALETTE.text, 'stroke-width': '1' }, 12), ...texts(s.text)]),
        ...path.arrows.map((a) => arrow(a.points[0], a.points[1], PALETTE.text, 'arrow-step')),
      ),
    );
  }
  for (const panel of layout.panels) {
    const items = panel.items.flatMap((item) => {
      const m = item.marker;
      const marker =
        m.kind === 'number'
          ? el('circle', { cx: n(m.box.x + m.box.width / 2), cy: n(m.box.y + m.box.height / 2), r: n(m.box.width / 2), fill: PALETTE.flow })
          : rectEl(m.box, { fill: PALETTE.badge }, 3);
      return [marker, textEl(m.text), textEl(item.text)];
    });
    parts.push(el('g', { id: `panel-${panel.id}` }, rectEl(panel.box, PANEL, 6), ...texts(panel.text), ...items));
  }
  const legend = layout.legend;
  parts.push(el('g', { id: 'legend' }, rectEl(legend.box, PANEL, 6), ...texts(legend.text), ...legend.items.flatMap((item) => [swatch(item.swatch, item.swatchBox), textEl(item.text)])));
  return parts;
}

/** The layout as SVG elements: inline attributes, no external references, no foreignObject, a viewBox. */
export function stackToSvgTree(layout: StackLayout, options: SvgOptions = {}): SvgElement {
  const { width: W, height: H } = layout;
  const t = layout.title;
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: String(W), height: String(H), viewBox: `0 0 ${W} ${H}`, 'font-family': layout.fontFamily, role: 'img', 'aria-labelledby': 'stack-title' },
    el('title', { id: 'stack-title' }, `${t.workshop}: AI infrastructure stack`),
    el('defs', {}, arrowHead('arrow-flow', '7', PALETTE.flow), arrowHead('arrow-step', '7', PALETTE.text), arrowHead('arrow-lane', '6', PALETTE.governanceStroke)),
    (options.background ?? 'white') === 'white' ? el('rect', { x: '0', y: '0', width: String(W), height: String(H), fill: PALETTE.background }) : null,
    el('g', { id: 'title-block' }, rectEl(t.box, PANEL, 6), ...texts(t.text)),
    ...body(layout),
    ...footer(layout),
  );
}

/** Groups whose children each take a line of their own in the file. */
const GROUPS = new Set(['svg', 'g', 'defs']);

const openTag = (e: SvgElement): string => `<${e.tag}${Object.entries(e.attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('')}`;

function inline(e: SvgElement | string | readonly SvgElement[]): string {
  if (typeof e === 'string') return escapeXml(e);
  if (Array.isArray(e)) return e.map(inline).join('');
  const element = e as SvgElement;
  return element.children.length === 0 ? `${openTag(element)}/>` : `${openTag(element)}>${element.children.map(inline).join('')}</${element.tag}>`;
}

/** Writes elements as SVG text, a group's children a line each. */
export function printSvg(e: SvgElement): string {
  if (!GROUPS.has(e.tag)) return inline(e);
  const lines = e.children.map((c) => (typeof c === 'string' || Array.isArray(c) ? inline(c) : printSvg(c as SvgElement)));
  return [`${openTag(e)}>`, ...lines, `</${e.tag}>`].join('\n');
}

/** Writes the layout as a self-contained SVG: inline attributes, no external references, no foreignObject, a viewBox. */
export function stackToSvg(layout: StackLayout, options: SvgOptions = {}): string {
  return `${printSvg(stackToSvgTree(layout, options))}\n`;
}
