import { LAYER_COLOURS, PALETTE } from './palette';
import type { LegendSwatch, Rect, StackLayout } from './stack-layout';
import { escapeXml } from './xml-escape';

const n = (v: number): string => String(Math.round(v * 100) / 100);
const FONT = 'fontFamily=DejaVu Sans;';

/** Escapes text for an HTML label (the label is XML-escaped again as an attribute). */
function html(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!);
}

interface CellSpec {
  id: string;
  parent: string;
  value?: string;
  style: string;
  box: Rect;
  /** Coordinates are made relative to this box (the parent's absolute box). */
  origin?: Rect;
}

function vertex(c: CellSpec): string {
  const x = c.box.x - (c.origin?.x ?? 0);
  const y = c.box.y - (c.origin?.y ?? 0);
  return (
    `<mxCell id="${escapeXml(c.id)}" value="${escapeXml(c.value ?? '')}" style="${escapeXml(c.style)}" vertex="1" parent="${escapeXml(c.parent)}">` +
    `<mxGeometry x="${n(x)}" y="${n(y)}" width="${n(c.box.width)}" height="${n(c.box.height)}" as="geometry"/></mxCell>`
  );
}

function edge(id: string, parent: string, source: string, target: string, style: string, value = ''): string {
  return (
    `<mxCell id="${escapeXml(id)}" value="${escapeXml(value)}" style="${escapeXml(style)}" edge="1" parent="${escapeXml(parent)}" source="${escapeXml(source)}" target="${escapeXml(target)}">` +
    `<mxGeometry relative="1" as="geometry"/></mxCell>`
  );
}

function freeEdge(id: string, parent: string, from: { x: number; y: number }, to: { x: number; y: number }, style: string): string {
  return (
    `<mxCell id="${escapeXml(id)}" value="" style="${escapeXml(style)}" edge="1" parent="${escapeXml(parent)}">` +
    `<mxGeometry relative="1" as="geometry"><mxPoint x="${n(from.x)}" y="${n(from.y)}" as="sourcePoint"/><mxPoint x="${n(to.x)}" y="${n(to.y)}" as="targetPoint"/></mxGeometry></mxCell>`
  );
}

function swatchStyle(s: LegendSwatch): string {
  switch (s.kind) {
    case 'layer':
      return `rounded=1;fillColor=${PALETTE.componentFill};strokeColor=${LAYER_COLOURS[s.layer].stroke};strokeWidth=1.5;`;
    case 'edited':
      return `rounded=1;dashed=1;fillColor=${PALETTE.componentFill};strokeColor=${PALETTE.text};strokeWidth=1.5;`;
    case 'residency':
      return `rounded=1;dashed=1;fillColor=none;strokeColor=${PALETTE.residency};strokeWidth=2;`;
    case 'badge':
      return `rounded=1;fillColor=${PALETTE.badge};strokeColor=none;`;
    case 'governance':
      return `rounded=1;fillColor=${PALETTE.governance};strokeColor=${PALETTE.governanceStroke};strokeWidth=1.5;`;
    case 'lane':
      return `rounded=1;fillColor=${PALETTE.lane};strokeColor=${PALETTE.frame};`;
    case 'step':
      return `rounded=1;arcSize=40;fillColor=${PALETTE.step};strokeColor=${PALETTE.text};`;
    case 'flow':
      return '';
  }
}

// Panels, the title block and the legend share one look.
const PANEL_STYLE = `rounded=1;arcSize=4;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacingLeft=12;spacingTop=8;fillColor=${PALETTE.panel};strokeColor=${PALETTE.frame};fontColor=${PALETTE.text};fontSize=11;${FONT}`;

/** The title block, and the governance band with its business-unit lanes. */
function titleCells(layout: StackLayout): string[] {
  const cells: string[] = [];
  const t = layout.title;
  const titleLines = t.text.map((b, i) => (i === 0 ? `<b style="font-size:${b.fontSize}px">${html(b.full)}</b>` : `<span style="font-size:${b.fontSize}px;color:${b.colour}">${html(b.full)}</span>`));
  cells.push(vertex({ id: 'title', parent: '1', value: titleLines.join('<br>'), style: PANEL_STYLE, box: t.box }));

  const g = layout.governance;
  if (g) {
    cells.push(
      vertex({
        id: 'governance',
        parent: '1',
        value: `<b>${html(g.title)}</b><br><span style="font-size:10px;color:${PALETTE.muted}">${html(g.detail)}</span>`,
        style: `rounded=1;arcSize=8;whiteSpace=wrap;html=1;align=left;spacingLeft=12;fillColor=${PALETTE.governance};strokeColor=${PALETTE.governanceStroke};strokeWidth=1.5;fontColor=${PALETTE.text};fontSize=13;${FONT}`,
        box: g.box,
      }),
    );
    for (const lane of g.lanes) {
      const laneId = escapeLaneId(lane.id);
      cells.push(
        vertex({
          id: laneId,
          parent: '1',
          value: `<b>${html(lane.label)}</b><br><span style="font-size:9px;color:${PALETTE.muted}">${html(lane.text[1]?.full ?? '')}</span>`,
          style: `rounded=1;whiteSpace=wrap;html=1;fillColor=${PALETTE.lane};strokeColor=${PALETTE.frame};fontColor=${PALETTE.text};fontSize=11;${FONT}`,
          box: lane.box,
        }),
        edge(`${laneId}-link`, '1', laneId, 'governance', `endArrow=block;endFill=1;html=1;strokeColor=${PALETTE.governanceStroke};strokeWidth=1.5;${g.model === 'federated' ? 'dashed=1;' : ''}`),
      );
    }
  }

  return cells;
}

/** The layer bands, their security badges, and the residency boundary. */
function layerCells(layout: StackLayout): string[] {
  const cells: string[] = [];
  for (const row of layout.layers) {
    const c = LAYER_COLOURS[row.id];
    cells.push(
      vertex({
        id: `layer:${row.id}`,
        parent: '1',
        value: `<b>${html(row.label)}</b>`,
        style: `rounded=1;arcSize=3;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacingLeft=10;spacingTop=12;fillColor=${c.band};strokeColor=none;fontColor=${c.text};fontSize=13;${FONT}`,
        box: row.box,
      }),
    );
  }
  for (const b of layout.badges) {
    cells.push(vertex({ id: b.id, parent: '1', value: b.code, style: `rounded=1;html=1;fillColor=${PALETTE.badge};strokeColor=none;fontColor=${PALETTE.badgeText};fontSize=9;fontStyle=1;${FONT}`, box: b.box }));
  }

  const r = layout.residency;
  if (r) {
    cells.push(
      vertex({
        id: 'residency',
        parent: '1',
        value: html(r.label),
        style: `rounded=1;arcSize=2;dashed=1;dashPattern=8 5;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacingLeft=8;spacingTop=2;fillColor=none;strokeColor=${PALETTE.residency};strokeWidth=2;fontColor=${PALETTE.residency};fontStyle=1;fontSize=10;${FONT}`,
        box: r.box,
      }),
    );
  }

  return cells;
}

/** Each placement as a container of its layer cells, each cell a container of its components. */
function placementCells(layout: StackLayout): string[] {
  const cells: string[] = [];
  for (const p of layout.placements) {
    const pid = `placement:${p.id}`;
    cells.push(
      vertex({
        id: pid,
        parent: '1',
        value: `<b>${html(p.label)}</b><br><span style="font-size:10px;font-weight:normal;color:${PALETTE.muted}">${html(p.detail)}</span>`,
        style: `swimlane;container=1;collapsible=0;rounded=1;arcSize=4;html=1;startSize=${n(p.header.height)};fillColor=${PALETTE.header};swimlaneFillColor=none;strokeColor=${PALETTE.frame};strokeWidth=1.5;fontColor=${PALETTE.text};fontSize=13;${FONT}`,
        box: p.box,
      }),
    );
    for (const cell of layout.cells.filter((c) => c.placement === p.id)) {
      const cid = `cell:${cell.id}`;
      cells.push(vertex({ id: cid, parent: pid, value: `${p.label} / ${cell.layer}`, style: 'container=1;collapsible=0;noLabel=1;fillColor=none;strokeColor=none;', box: cell.box, origin: p.box }));
      for (const c of layout.components.filter((x) => x.placement === cell.placement && x.layer === cell.layer)) {
        const colours = LAYER_COLOURS[c.layer];
        const detail = c.detail ? `<br><span style="font-size:9px;font-weight:normal;color:${PALETTE.muted}">${html(c.detail)}</span>` : '';
        const edited = c.origin === 'added' || c.moved ? 'dashed=1;' : '';
        cells.push(
          vertex({
            id: `component:${c.id}`,
            parent: cid,
            value: `<b>${html(c.label)}</b>${detail}`,
            style: `rounded=1;whiteSpace=wrap;html=1;${edited}fillColor=${PALETTE.componentFill};strokeColor=${colours.stroke};strokeWidth=1.5;fontColor=${colours.text};fontSize=11;${FONT}`,
            box: c.box,
            origin: cell.box,
          }),
        );
      }
    }
  }

  return cells;
}

/** The data flows between placements, as edges between the cells of their layer. */
function flowCells(layout: StackLayout): string[] {
  const cells: string[] = [];
  for (const f of layout.flows) {
    const from = layout.cells.find((c) => c.placement === f.from.placement && c.layer === f.layer)!;
    const to = layout.cells.find((c) => c.placement === f.to.placement && c.layer === f.layer)!;
    const exitX = f.points[0].x > from.box.x + from.box.width / 2 ? 1 : 0;
    const entryX = f.points[1].x > to.box.x + to.box.width / 2 ? 1 : 0;
    const exitY = (f.points[0].y - from.box.y) / from.box.height;
    const entryY = (f.points[1].y - to.box.y) / to.box.height;
    cells.push(
      edge(
        f.id,
        '1',
        `cell:${from.id}`,
        `cell:${to.id}`,
        `endArrow=block;endFill=1;html=1;strokeColor=${PALETTE.flow};strokeWidth=1.5;fontColor=${PALETTE.badgeText};fontStyle=1;fontSize=10;labelBackgroundColor=${PALETTE.flow};exitX=${exitX};exitY=${n(exitY)};exitDx=0;exitDy=0;entryX=${entryX};entryY=${n(entryY)};entryDx=0;entryDy=0;${FONT}`,
        String(f.number),
      ),
    );
  }

  return cells;
}

/** The serving paths, each a container of its steps and the arrows between them. */
function servingCells(layout: StackLayout): string[] {
  const cells: string[] = [];
  for (const path of layout.servingPaths) {
    const pid = `serving:${path.id}`;
    cells.push(
      vertex({
        id: pid,
        parent: '1',
        value: `<b>${html(path.label)}</b><br><span style="font-size:10px;color:${PALETTE.muted}">${html(path.text[1]?.full ?? '')}</span>`,
        style: `container=1;collapsible=0;rounded=1;arcSize=8;whiteSpace=wrap;html=1;align=left;spacingLeft=10;fillColor=${PALETTE.panel};strokeColor=${PALETTE.frame};fontColor=${PALETTE.text};fontSize=11;${FONT}`,
        box: path.box,
      }),
    );
    for (const s of path.steps) {
      cells.push(vertex({ id: `step:${s.id}`, parent: pid, value: `<b>${html(s.label)}</b>`, style: `rounded=1;arcSize=40;whiteSpace=wrap;html=1;fillColor=${PALETTE.step};strokeColor=${PALETTE.text};fontColor=${s.text[0]?.colour ?? PALETTE.text};fontSize=10;${FONT}`, box: s.box, origin: path.box }));
    }
    for (const a of path.arrows) cells.push(edge(`arrow:${a.from}->${a.to}`, pid, `step:${a.from}`, `step:${a.to}`, `endArrow=block;endFill=1;html=1;strokeColor=${PALETTE.text};strokeWidth=1.5;`));
  }

  return cells;
}

/** The panels and the legend. */
function panelCells(layout: StackLayout): string[] {
  const cells: string[] = [];
  for (const panel of layout.panels) {
    const items = panel.items.map((i) => `<b>${html(i.marker.text.full)}</b>&nbsp; ${html(i.text.full)}`);
    const body = items.length > 0 ? items.join('<br>') : html(panel.text[1]?.full ?? '');
    cells.push(vertex({ id: `panel:${panel.id}`, parent: '1', value: `<b style="font-size:12px">${html(panel.title)}</b><br>${body}`, style: PANEL_STYLE.replace('fontSize=11', 'fontSize=10'), box: panel.box }));
  }

  const legend = layout.legend;
  cells.push(vertex({ id: 'legend', parent: '1', value: '<b style="font-size:12px">Legend</b>', style: `container=1;collapsible=0;${PANEL_STYLE}`, box: legend.box }));
  for (const item of legend.items) {
    const sid = `${item.id}:swatch`;
    if (item.swatch.kind === 'flow') {
      const y = item.swatchBox.y + item.swatchBox.height / 2 - legend.box.y;
      cells.push(freeEdge(sid, 'legend', { x: item.swatchBox.x - legend.box.x, y }, { x: item.swatchBox.x + item.swatchBox.width - legend.box.x, y }, `endArrow=block;endFill=1;html=1;strokeColor=${PALETTE.flow};strokeWidth=1.5;`));
    } else {
      cells.push(vertex({ id: sid, parent: 'legend', style: swatchStyle(item.swatch), box: item.swatchBox, origin: legend.box }));
    }
    cells.push(vertex({ id: item.id, parent: 'legend', value: html(item.text.full), style: `text;html=1;whiteSpace=wrap;align=left;verticalAlign=middle;fontColor=${PALETTE.text};fontSize=10;${FONT}`, box: item.text.bounds, origin: legend.box }));
  }

  return cells;
}

/** Writes the layout as an uncompressed draw.io file: placements and layer cells as containers, children at relative coordinates. */
export function stackToDrawio(layout: StackLayout): string {
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>', ...titleCells(layout), ...layerCells(layout), ...placementCells(layout), ...flowCells(layout), ...servingCells(layout), ...panelCells(layout)];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mxfile host="Stratum" type="device">`,
    `<diagram id="stratum-stack" name="${escapeXml(`${layout.title.workshop}: AI infrastructure stack`)}">`,
    `<mxGraphModel dx="${layout.width}" dy="${layout.height}" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="${layout.width}" pageHeight="${layout.height}" math="0" shadow="0">`,
    '<root>',
    ...cells,
    '</root>',
    '</mxGraphModel>',
    '</diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}

function escapeLaneId(id: string): string {
  return id.replace('/', ':');
}
