import { LAYER_COLOURS, PALETTE } from './palette';
import type { LegendSwatch, Point, Rect, StackLayout, TextBlock } from './stack-layout';
import { escapeXml } from './xml-escape';

/** How the SVG is written. */
export interface SvgOptions {
  /** 'white' (default) paints a white page; 'transparent' leaves it clear (for PNG with alpha). */
  background?: 'white' | 'transparent';
}

const n = (v: number): string => String(Math.round(v * 100) / 100);

function rectEl(r: Rect, attrs: string, radius = 0): string {
  return `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}"${radius ? ` rx="${radius}"` : ''} ${attrs}/>`;
}

function textEl(t: TextBlock): string {
  if (t.lines.length === 0) return '';
  const anchor = t.anchor === 'middle' ? ' text-anchor="middle"' : '';
  const weight = t.weight === 'bold' ? ' font-weight="bold"' : '';
  const title = t.truncated ? `<title>${escapeXml(t.full)}</title>` : '';
  const lines = t.lines.map((line, i) => `<tspan x="${n(t.x)}" y="${n(t.y + i * t.lineHeight)}">${escapeXml(line)}</tspan>`).join('');
  return `<text font-size="${n(t.fontSize)}"${weight}${anchor} fill="${t.colour}">${title}${lines}</text>`;
}

function line(a: Point, b: Point, attrs: string): string {
  return `<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" ${attrs}/>`;
}

function arrow(a: Point, b: Point, colour: string, marker: string, extra = ''): string {
  return line(a, b, `stroke="${colour}" stroke-width="1.5" marker-end="url(#${marker})"${extra}`);
}

function swatch(s: LegendSwatch, r: Rect): string {
  const midY = r.y + r.height / 2;
  switch (s.kind) {
    case 'layer':
      return rectEl(r, `fill="${PALETTE.componentFill}" stroke="${LAYER_COLOURS[s.layer].stroke}" stroke-width="1.5"`, 4) + rectEl({ x: r.x, y: r.y, width: 4, height: r.height }, `fill="${LAYER_COLOURS[s.layer].stroke}"`);
    case 'edited':
      return rectEl(r, `fill="${PALETTE.componentFill}" stroke="${PALETTE.text}" stroke-width="1.5" stroke-dasharray="4 3"`, 4);
    case 'flow':
      return arrow({ x: r.x, y: midY }, { x: r.x + r.width, y: midY }, PALETTE.flow, 'arrow-flow');
    case 'residency':
      return rectEl(r, `fill="none" stroke="${PALETTE.residency}" stroke-width="2" stroke-dasharray="6 4"`, 4);
    case 'badge':
      return rectEl({ x: r.x + 1, y: r.y, width: 26, height: 16 }, `fill="${PALETTE.badge}"`, 3);
    case 'governance':
      return rectEl(r, `fill="${PALETTE.governance}" stroke="${PALETTE.governanceStroke}" stroke-width="1.5"`, 4);
    case 'lane':
      return rectEl(r, `fill="${PALETTE.lane}" stroke="${PALETTE.frame}" stroke-width="1"`, 4);
    case 'step':
      return rectEl(r, `fill="${PALETTE.step}" stroke="${PALETTE.text}" stroke-width="1"`, 12);
  }
}

/** Writes the layout as a self-contained SVG: inline attributes, no external references, no foreignObject, a viewBox. */
export function stackToSvg(layout: StackLayout, options: SvgOptions = {}): string {
  const out: string[] = [];
  const { width: W, height: H } = layout;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(layout.fontFamily)}" role="img" aria-labelledby="stack-title">`,
    `<title id="stack-title">${escapeXml(`${layout.title.workshop}: AI infrastructure stack`)}</title>`,
    '<defs>',
    `<marker id="arrow-flow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${PALETTE.flow}"/></marker>`,
    `<marker id="arrow-step" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${PALETTE.text}"/></marker>`,
    `<marker id="arrow-lane" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${PALETTE.governanceStroke}"/></marker>`,
    '</defs>',
  );
  if ((options.background ?? 'white') === 'white') out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="${PALETTE.background}"/>`);

  // Title block.
  const t = layout.title;
  out.push(`<g id="title-block">`, rectEl(t.box, `fill="${PALETTE.panel}" stroke="${PALETTE.frame}" stroke-width="1"`, 6), ...t.text.map(textEl), '</g>');

  // Governance band and lanes.
  const g = layout.governance;
  if (g) {
    out.push(`<g id="governance">`, rectEl(g.box, `fill="${PALETTE.governance}" stroke="${PALETTE.governanceStroke}" stroke-width="1.5"`, 6));
    for (const lane of g.lanes) {
      const dash = g.model === 'federated' ? ' stroke-dasharray="5 4"' : '';
      out.push(line(lane.link[0], { x: lane.link[1].x, y: lane.link[1].y + 1 }, `stroke="${PALETTE.governanceStroke}" stroke-width="1.5"${dash} marker-end="url(#arrow-lane)"`));
      out.push(rectEl(lane.box, `fill="${PALETTE.lane}" stroke="${PALETTE.frame}" stroke-width="1"`, 4), ...lane.text.map(textEl));
    }
    out.push(...g.text.map(textEl), '</g>');
  }

  // Layer bands, then placement columns over them.
  out.push('<g id="layers">');
  for (const row of layout.layers) {
    const c = LAYER_COLOURS[row.id];
    out.push(rectEl(row.box, `fill="${c.band}"`, 4), rectEl({ x: row.box.x, y: row.box.y, width: 5, height: row.box.height }, `fill="${c.stroke}"`), ...row.text.map(textEl));
  }
  for (const b of layout.badges) out.push(rectEl(b.box, `fill="${PALETTE.badge}"`, 3), textEl(b.text));
  out.push('</g>', '<g id="placements">');
  for (const p of layout.placements) {
    out.push(rectEl(p.box, `fill="none" stroke="${PALETTE.frame}" stroke-width="1.5"`, 6), rectEl(p.header, `fill="${PALETTE.header}" stroke="${PALETTE.frame}" stroke-width="1"`, 6), ...p.text.map(textEl));
  }
  out.push('</g>');

  // Components.
  out.push('<g id="components">');
  for (const c of layout.components) {
    const colours = LAYER_COLOURS[c.layer];
    const dash = c.origin === 'added' || c.moved ? ' stroke-dasharray="5 3"' : '';
    out.push(
      `<g id="${escapeXml(`component:${c.id}`)}">`,
      rectEl(c.box, `fill="${PALETTE.componentFill}" stroke="${colours.stroke}" stroke-width="1.5"${dash}`, 5),
      rectEl({ x: c.box.x, y: c.box.y + 4, width: 4, height: c.box.height - 8 }, `fill="${colours.stroke}"`),
      ...c.text.map(textEl),
      '</g>',
    );
  }
  out.push('</g>');

  // Residency boundary and flows on top.
  const r = layout.residency;
  if (r) out.push(`<g id="residency">`, rectEl(r.box, `fill="none" stroke="${PALETTE.residency}" stroke-width="2" stroke-dasharray="8 5"`, 10), ...r.text.map(textEl), '</g>');
  if (layout.flows.length > 0) {
    out.push('<g id="flows">');
    for (const f of layout.flows) {
      out.push(arrow(f.points[0], f.points[1], PALETTE.flow, 'arrow-flow'), `<circle cx="${n(f.marker.x)}" cy="${n(f.marker.y)}" r="${f.marker.r}" fill="${PALETTE.flow}" stroke="${PALETTE.background}" stroke-width="1.5"/>`, textEl(f.marker.text));
    }
    out.push('</g>');
  }

  // Serving paths.
  for (const path of layout.servingPaths) {
    out.push(`<g id="serving-${path.id}">`, rectEl(path.box, `fill="${PALETTE.panel}" stroke="${PALETTE.frame}" stroke-width="1"`, 6), ...path.text.map(textEl));
    for (const s of path.steps) out.push(rectEl(s.box, `fill="${PALETTE.step}" stroke="${PALETTE.text}" stroke-width="1"`, 12), ...s.text.map(textEl));
    for (const a of path.arrows) out.push(arrow(a.points[0], a.points[1], PALETTE.text, 'arrow-step'));
    out.push('</g>');
  }

  // Panels and legend.
  for (const panel of layout.panels) {
    out.push(`<g id="panel-${panel.id}">`, rectEl(panel.box, `fill="${PALETTE.panel}" stroke="${PALETTE.frame}" stroke-width="1"`, 6), ...panel.text.map(textEl));
    for (const item of panel.items) {
      const m = item.marker;
      if (m.kind === 'number') out.push(`<circle cx="${n(m.box.x + m.box.width / 2)}" cy="${n(m.box.y + m.box.height / 2)}" r="${n(m.box.width / 2)}" fill="${PALETTE.flow}"/>`);
      else out.push(rectEl(m.box, `fill="${PALETTE.badge}"`, 3));
      out.push(textEl(m.text), textEl(item.text));
    }
    out.push('</g>');
  }
  const legend = layout.legend;
  out.push('<g id="legend">', rectEl(legend.box, `fill="${PALETTE.panel}" stroke="${PALETTE.frame}" stroke-width="1"`, 6), ...legend.text.map(textEl));
  for (const item of legend.items) out.push(swatch(item.swatch, item.swatchBox), textEl(item.text));
  out.push('</g>', '</svg>');
  return out.filter((s) => s !== '').join('\n') + '\n';
}
