import type { Answers, Evaluation } from '../engine';
import { applyOverrides, type EditedComponent } from './apply-overrides';
import { emptyOverrides, type DiagramOverrides } from '../domain';
import { layoutPanels } from './layout-panels';
import { LAYER_IDS, LAYER_LABELS, type LayerId } from './layers';
import { LAYER_COLOURS, PALETTE } from './palette';
import { PLACEMENT_DETAILS, PLACEMENT_LABELS, type PlacementId } from './placements';
import { resolveDecisions, type DecisionChoices } from './resolve-decisions';
import {
  STACK_LAYOUT_FORMAT,
  STACK_LAYOUT_VERSION,
  type BusinessUnitLane,
  type DataFlow,
  type GovernanceBand,
  type LayerRow,
  type PlacementColumn,
  type Rect,
  type ResidencyBoundary,
  type SecurityBadge,
  type ServingPath,
  type StackCell,
  type StackComponent,
  type StackLayout,
  type TitleBlock,
} from './stack-layout';
import { businessUnitLanes, planStack, type PlannedFlow, type PlannedGovernance, type PlannedResidency, type PlannedServingPath, type SecurityControl, type StackPlan, type StackUseCase } from './stack-plan';
import { onScreen, placeText, rect, round2, textHeight, type TextPart } from './text-block';
import { FONT_FAMILY } from './text-measure';

/** Everything the stack is drawn from. */
export interface StackLayoutInput {
  evaluation: Evaluation;
  /** The workshop's answers: data residency, latency, business units, sensitivity… */
  answers: Answers;
  overrides?: DiagramOverrides;
  /** The room's own option per decision id; wins over the recommendation. */
  choices?: DecisionChoices;
  workshop?: { title: string; date?: string | null };
  /** The rule pack's sha256 (packFingerprint), named in the title block after its id and version. */
  packSha256?: string;
  /**
   * The roadmap's use cases with their answers (residency, latency, sensitivity…); where each lands comes from the
   * evaluation. Required: without them the use cases would still be drawn, but with no residency boundary.
   */
  useCases: ReadonlyArray<{ id: string; name: string; answers: Answers }>;
}

/** The evaluation's use cases as the diagram draws them: where each lands, how it serves, what its data asks. */
function stackUseCases(input: StackLayoutInput): StackUseCase[] {
  return input.evaluation.useCases.map((u) => {
    const answers = input.useCases.find((x) => x.id === u.id)?.answers ?? {};
    const outcome = (decision: string) => u.outcomes.find((o) => o.decision === decision);
    const serving = outcome('serving-placement');
    const training = outcome('training-placement')?.option ?? null;
    const mode = outcome('serving-mode')?.option ?? null;
    const sourcing = outcome('sourcing')?.option ?? null;
    const text = (id: string) => (typeof answers[id] === 'string' ? (answers[id] as string) : null);
    const latency = answers.latencyP95Ms;
    return {
      id: u.id,
      name: u.name,
      // Not applicable yet implied (a provider's API): served at the provider.
      serving: serving?.source === 'implied' ? null : serving?.option === 'cloud' || serving?.option === 'on-premises' || serving?.option === 'edge' ? serving.option : null,
      training: training === 'cloud' || training === 'on-premises' ? training : null,
      mode: mode === 'real-time' || mode === 'batch' ? mode : null,
      sourcing,
      sourcingLabel: sourcing === null ? null : (u.decisions.find((d) => d.id === 'sourcing')?.ranking.find((r) => r.option === sourcing)?.label ?? sourcing),
      latencyMs: typeof latency === 'number' && Number.isFinite(latency) ? latency : null,
      dataResidency: text('dataResidency'),
      dataSensitivity: text('dataSensitivity'),
      interruptionTolerance: text('interruptionTolerance'),
    };
  });
}

/** Page geometry in diagram pixels. */
export const GEOMETRY = {
  margin: 24,
  minContentWidth: 1040,
  rowLabelWidth: 150,
  labelGap: 16,
  minColumnWidth: 260,
  gutter: 48,
  cellPadding: 10,
  boxGap: 8,
  minBoxWidth: 112,
  boxHeight: 50,
  headerHeight: 44,
  rowGap: 6,
  sectionGap: 18,
  flowSpacing: 26,
  badge: { width: 26, height: 16, gap: 4 },
  step: { width: 150, height: 36, gap: 34 },
} as const;

/**
 * Geometry of a drawing laid out for a screen (layoutStack's `width`) where it differs from the page: a thinner
 * frame, row labels and gutters, so that more of a narrow pane goes to the components.
 */
export const VIEW_GEOMETRY = {
  /** The narrowest drawing a screen gets. */
  minWidth: 360,
  margin: 16,
  rowLabelWidth: 112,
  gutter: 36,
  /** The narrowest business-unit lane; lanes that do not fit side by side are folded into a "+N more" lane. */
  minLaneWidth: 112,
  stepGap: 24,
  /** Boxes as low as their text allows, down to this. */
  minBoxHeight: 40,
  /** The narrowest panel (flows, security, legend) side by side; narrower, they go one under the other. */
  minPanelWidth: 240,
} as const;

/** Options of a layout; none gives the page the exports draw. */
export interface StackLayoutOptions {
  /**
   * Lays the drawing out for a screen at most this many diagram pixels wide (at least VIEW_GEOMETRY.minWidth): the
   * placements side by side when each still holds a component box, else one under the other with the flows between
   * them; lanes folded, panels stacked; and labels that keep VIEW_TYPE sizes instead of shrinking to fit.
   */
  width?: number;
}

const G = GEOMETRY;
const V = VIEW_GEOMETRY;

const WHERE: Readonly<Record<PlacementId, string>> = {
  edge: 'at the edge',
  'on-premises': 'on-premises',
  'cloud-a': 'in cloud provider A',
  'cloud-b': 'in cloud provider B',
};

function componentParts(label: string, detail: string | null, colour: string, labelLines = 3): TextPart[] {
  const parts: TextPart[] = [{ text: label, fontSize: 11, minFontSize: 9, maxLines: labelLines, colour, weight: 'bold' }];
  if (detail) parts.push({ text: detail, fontSize: 9, minFontSize: 8, maxLines: 2, colour: PALETTE.muted });
  return parts;
}

function decisionSummary(layout: Pick<StackLayout, 'decisions'>): string {
  return layout.decisions
    .map((d) => `${d.title}: ${d.label}${d.source === 'choice' ? " (room's choice)" : ''}`)
    .join('   ·   ');
}

/** The columns a layout draws into, and the measures every stage shares. */
interface Frame {
  /** Laid out for a screen (StackLayoutOptions.width), not for the page the exports draw. */
  view: boolean;
  margin: number;
  rowLabelWidth: number;
  gutter: number;
  /** Text parts as the frame sets them: on a screen, at the sizes a screen keeps. */
  typed: (parts: TextPart[]) => TextPart[];
  colIndex: Map<PlacementId, number>;
  colW: number;
  /** On a narrow screen, each placement under the other instead of side by side. */
  stacked: boolean;
  perRow: number;
  boxW: number;
  contentW: number;
  x0: number;
  colsX0: number;
  colX: (i: number) => number;
  width: number;
}

/**
 * The columns. The page: as wide as the widest of the minimum and an equal share of the minimum content width. A
 * screen: an equal share of its width, or, when that cannot hold a component box, each placement under the other.
 */
function frameFor(placementIds: readonly PlacementId[], options: StackLayoutOptions): Frame {
  const view = options.width !== undefined && Number.isFinite(options.width);
  const margin: number = view ? V.margin : G.margin;
  const rowLabelWidth: number = view ? V.rowLabelWidth : G.rowLabelWidth;
  const gutter: number = view ? V.gutter : G.gutter;
  const n = placementIds.length;
  let colW: number;
  let stacked = false;
  if (view) {
    const columnsSpace = Math.max(V.minWidth, Math.floor(options.width!)) - 2 * margin - rowLabelWidth - G.labelGap;
    const side = Math.floor((columnsSpace - (n - 1) * gutter) / n);
    stacked = n > 1 && side < G.minBoxWidth + 2 * G.cellPadding;
    colW = stacked ? columnsSpace : side;
  } else {
    const columnsSpace = G.minContentWidth - G.rowLabelWidth - G.labelGap - (n - 1) * G.gutter;
    colW = Math.max(G.minColumnWidth, Math.floor(columnsSpace / n));
  }
  const across = stacked ? 1 : n;
  const perRow = Math.max(1, Math.floor((colW - 2 * G.cellPadding + G.boxGap) / (G.minBoxWidth + G.boxGap)));
  const boxW = Math.floor((colW - 2 * G.cellPadding - (perRow - 1) * G.boxGap) / perRow);
  const contentW = rowLabelWidth + G.labelGap + across * colW + (across - 1) * gutter;
  const x0 = margin;
  const colsX0 = x0 + rowLabelWidth + G.labelGap;
  return {
    view,
    margin,
    rowLabelWidth,
    gutter,
    typed: (parts) => (view ? parts.map(onScreen) : parts),
    colIndex: new Map<PlacementId, number>(placementIds.map((p, i) => [p, i])),
    colW,
    stacked,
    perRow,
    boxW,
    contentW,
    x0,
    colsX0,
    colX: (i) => (stacked ? colsX0 : colsX0 + i * (colW + gutter)),
    width: Math.round(contentW + 2 * margin),
  };
}

/** The title block at `y`: on the page the workshop, date and rule pack above what was decided; on a screen only the latter. */
function layoutTitle(f: Frame, input: StackLayoutInput, resolved: Pick<StackLayout, 'decisions'>, y: number): { title: TitleBlock; bottom: number } {
  const workshop = input.workshop?.title?.trim() || 'Untitled workshop';
  const date = input.workshop?.date ?? null;
  const pack = { id: input.evaluation.pack.id, version: input.evaluation.pack.version, sha256: input.packSha256 ?? null };
  const summary: TextPart = { text: decisionSummary(resolved), fontSize: 11, minFontSize: 9, maxLines: f.view ? 6 : 3, colour: PALETTE.text };
  // A screen names the workshop above the drawing already: its title block says what was decided, and only that.
  const titleParts: TextPart[] = f.view
    ? f.typed([summary])
    : [
        { text: workshop, fontSize: 20, minFontSize: 14, maxLines: 2, weight: 'bold', colour: PALETTE.text },
        { text: `AI infrastructure stack   ·   ${date ? `${date}   ·   ` : ''}Rule pack ${pack.id} ${pack.version}${pack.sha256 ? ` (sha256 ${pack.sha256.slice(0, 12)})` : ''}`, fontSize: 11, minFontSize: 9, maxLines: 2, colour: PALETTE.muted },
        summary,
      ];
  const titleInnerW = f.contentW - 32;
  const titleH = Math.ceil(textHeight(titleParts, titleInnerW, 6) + 28);
  const title: TitleBlock = {
    workshop,
    date,
    pack,
    box: rect(f.x0, y, f.contentW, titleH),
    text: placeText(titleParts, rect(f.x0 + 16, y + 14, titleInnerW, titleH - 28), 'start', 'top', 6),
  };
  return { title, bottom: y + titleH + G.sectionGap };
}

/** The governance band at `y` and the business units' lanes under it; on a screen, lanes that do not fit fold into one. */
function layoutGovernance(f: Frame, g: PlannedGovernance, y: number): { governance: GovernanceBand; bottom: number } {
  const { x0, contentW, typed, view } = f;
  const bandParts: TextPart[] = typed([
    { text: g.title, fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: PALETTE.text },
    { text: g.detail, fontSize: 10, minFontSize: 9, maxLines: 2, colour: PALETTE.muted },
  ]);
  const bandH = Math.ceil(textHeight(bandParts, contentW - 32, 3) + 20);
  const box = rect(x0, y, contentW, bandH);
  const text = placeText(bandParts, rect(x0 + 16, y + 10, contentW - 32, bandH - 20), 'start', 'middle', 3);
  y += bandH + 22;
  const laneGap = 12;
  const lanesW = contentW - f.rowLabelWidth - G.labelGap;
  const fit = Math.max(1, Math.floor((lanesW + laneGap) / (V.minLaneWidth + laneGap)));
  const planned = view && g.lanes.length > fit ? businessUnitLanes(g.businessUnits, g.model === 'hub-and-spoke', fit) : g.lanes;
  const count = planned.length;
  const laneW = (lanesW - (count - 1) * laneGap) / count;
  const laneParts = (lane: { label: string; detail: string }): TextPart[] =>
    typed([
      { text: lane.label, fontSize: 11, minFontSize: 9, maxLines: view ? 2 : 1, weight: 'bold', colour: PALETTE.text },
      { text: lane.detail, fontSize: 9, minFontSize: 8, maxLines: view ? 2 : 1, colour: PALETTE.muted },
    ]);
  const laneH = view ? Math.max(42, ...planned.map((lane) => Math.ceil(textHeight(laneParts(lane), laneW - 12) + 8))) : 42;
  const lanes: BusinessUnitLane[] = planned.map((lane, i) => {
    const lx = f.colsX0 + i * (laneW + laneGap);
    return {
      id: lane.id,
      label: lane.label,
      box: rect(lx, y, laneW, laneH),
      text: placeText(laneParts(lane), rect(lx + 6, y + 4, laneW - 12, laneH - 8)),
      link: [
        { x: round2(lx + laneW / 2), y: round2(y) },
        { x: round2(lx + laneW / 2), y: round2(box.y + box.height) },
      ],
    };
  });
  const lanesLabel = placeText(
    typed([{ text: 'Business units', fontSize: 12, minFontSize: 9, maxLines: 2, weight: 'bold', colour: PALETTE.text }]),
    rect(x0 + 10, y, f.rowLabelWidth - 20, laneH),
    'start',
  );
  return { governance: { model: g.model, title: g.title, detail: g.detail, businessUnits: g.businessUnits, box, text: [...text, ...lanesLabel], lanes }, bottom: y + laneH + G.sectionGap };
}

/** Where flows go: side by side, in the gutter of the row of their layer; stacked, in the gap between the two placements. */
interface FlowSlots {
  key: (flow: PlannedFlow) => string;
  /** How many flows share each slot. */
  count: Map<string, number>;
}

function flowSlots(f: Frame, flows: readonly PlannedFlow[]): FlowSlots {
  const key = (flow: PlannedFlow): string => {
    const left = Math.min(f.colIndex.get(flow.from.placement)!, f.colIndex.get(flow.to.placement)!);
    return f.stacked ? String(left) : `${flow.layer}/${left}`;
  };
  const count = new Map<string, number>();
  for (const flow of flows) count.set(key(flow), (count.get(key(flow)) ?? 0) + 1);
  return { key, count };
}

/**
 * The residency boundary's frame: the columns that hold resident data, its label and the room it takes. They come
 * first in the order of the columns, so stacked, no flow's arrow crosses the label. Blocks are the grid's runs of
 * columns: one with every placement side by side, one per placement stacked.
 */
interface ResidencyFrame {
  resident: number[] | null;
  boxX: number;
  boxW: number;
  parts: TextPart[];
  labelH: number;
  blockFirst: number;
  blockLast: number;
  /** The block above which the label takes its room (-1: none). */
  labelRoomAt: number;
}

function residencyFrame(f: Frame, residency: PlannedResidency | null): ResidencyFrame {
  const resident = residency && residency.placements.length > 0 ? residency.placements.map((p) => f.colIndex.get(p)!) : null;
  const first = resident ? Math.min(...resident) : -1;
  const last = resident ? Math.max(...resident) : -1;
  const boxX = f.colX(Math.max(0, first)) - 10;
  const boxW = f.colX(Math.max(0, last)) + f.colW + 10 - boxX;
  const parts: TextPart[] = residency
    ? f.typed([{ text: residency.label, fontSize: 10, minFontSize: 8, maxLines: f.view ? 3 : 1, weight: 'bold', colour: PALETTE.residency }])
    : [];
  const labelH = !residency ? 0 : f.view ? Math.max(22, Math.ceil(textHeight(parts, round2(boxW) - 16) + 8)) : 22;
  const blockFirst = f.stacked ? first : resident ? 0 : -1;
  return {
    resident,
    boxX,
    boxW,
    parts,
    labelH,
    blockFirst,
    blockLast: f.stacked ? last : resident ? 0 : -1,
    labelRoomAt: f.stacked ? blockFirst : residency ? 0 : -1,
  };
}

/** The grid of placements and layers: its rows, cells, component boxes and badges, and where each block of columns runs. */
interface Grid {
  layers: LayerRow[];
  cells: StackCell[];
  components: StackComponent[];
  badges: SecurityBadge[];
  placements: PlacementColumn[];
  blocks: PlacementId[][];
  blockTop: number[];
  blockBottom: number[];
  /** Per gap after a block (stacked): where its flow markers sit. */
  gapMiddle: number[];
  bottom: number;
}

/** What every row of the grid reads: the components by cell, the badges by layer, and how a box's text is set. */
interface GridContent {
  cellComponents: Map<string, EditedComponent[]>;
  badgesByLayer: Map<LayerId, SecurityControl[]>;
  boxParts: (c: EditedComponent, colour: string) => TextPart[];
  slots: FlowSlots;
}

function gridContent(f: Frame, plan: StackPlan, components: readonly EditedComponent[], slots: FlowSlots): GridContent {
  const cellComponents = new Map<string, EditedComponent[]>();
  for (const c of components) {
    const key = `${c.placement}/${c.layer}`;
    const list = cellComponents.get(key) ?? [];
    list.push(c);
    cellComponents.set(key, list);
  }
  const badgesByLayer = new Map<LayerId, SecurityControl[]>();
  for (const control of plan.security) for (const layer of control.layers) badgesByLayer.set(layer, [...(badgesByLayer.get(layer) ?? []), control]);
  return { cellComponents, badgesByLayer, boxParts: (c, colour) => f.typed(componentParts(c.label, c.detail, colour, f.view ? 4 : 3)), slots };
}

/** One layer's row across a block at `rowY`: its label and badges, its cells and their component boxes; returns its height. */
function layoutLayerRow(f: Frame, content: GridContent, grid: Grid, block: readonly PlacementId[], layer: LayerId, rowY: number): number {
  const { x0, rowLabelWidth, contentW, typed, perRow, boxW } = f;
  // Rows: tall enough for the fullest cell, the row label and badges, and the flows that cross it.
  let boxRows = 1;
  let boxH: number = f.view ? V.minBoxHeight : G.boxHeight;
  for (const p of block) {
    const list = content.cellComponents.get(`${p}/${layer}`) ?? [];
    boxRows = Math.max(boxRows, Math.ceil(list.length / perRow));
    // Every box in a layer gets the height of the fullest one, so rows of boxes line up across columns.
    for (const c of list) boxH = Math.max(boxH, Math.ceil(textHeight(content.boxParts(c, PALETTE.text), boxW - 12, 1) + 10));
  }
  let flowCount = 0;
  if (!f.stacked) for (const [k, v] of content.slots.count) if (k.startsWith(`${layer}/`)) flowCount = Math.max(flowCount, v);
  const labelParts: TextPart[] = typed([{ text: LAYER_LABELS[layer], fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: LAYER_COLOURS[layer].text }]);
  const labelNeed = textHeight(labelParts, rowLabelWidth - 20) + 8 + G.badge.height + 20;
  const rowH = Math.max(boxRows * boxH + (boxRows - 1) * G.boxGap + 2 * G.cellPadding, labelNeed, flowCount * G.flowSpacing + 16);
  const text = placeText(labelParts, rect(x0 + 10, rowY + 10, rowLabelWidth - 20, rowH - 20 - G.badge.height - 8), 'start', 'middle');
  const badgeY = text.length > 0 ? text[0]!.y + 8 + (text[0]!.lines.length - 1) * text[0]!.lineHeight : rowY + 10;
  (content.badgesByLayer.get(layer) ?? []).forEach((control, i) => {
    const bBox = rect(x0 + 10 + i * (G.badge.width + G.badge.gap), badgeY, G.badge.width, G.badge.height);
    grid.badges.push({
      id: f.stacked ? `badge/${block[0]!}/${layer}/${control.id}` : `badge/${layer}/${control.id}`,
      control: control.id,
      code: control.code,
      layer,
      box: bBox,
      text: placeText(typed([{ text: control.code, fontSize: 9, minFontSize: 8, maxLines: 1, weight: 'bold', colour: PALETTE.badgeText }]), rect(bBox.x + 2, bBox.y, bBox.width - 4, bBox.height))[0]!,
    });
  });
  grid.layers.push({ id: layer, label: LAYER_LABELS[layer], box: rect(x0, rowY, contentW, rowH), labelBox: rect(x0, rowY, rowLabelWidth, rowH), text });
  for (const p of block) {
    const cx = f.colX(f.colIndex.get(p)!);
    grid.cells.push({ id: `${p}/${layer}`, placement: p, layer, box: rect(cx, rowY, f.colW, rowH) });
    (content.cellComponents.get(`${p}/${layer}`) ?? []).forEach((c, k) => {
      const bx = cx + G.cellPadding + (k % perRow) * (boxW + G.boxGap);
      const by = rowY + G.cellPadding + Math.floor(k / perRow) * (boxH + G.boxGap);
      grid.components.push({
        id: c.id,
        key: c.key,
        layer: c.layer,
        placement: c.placement,
        homePlacement: c.homePlacement,
        label: c.label,
        detail: c.detail,
        icon: c.icon,
        origin: c.origin,
        renamed: c.renamed,
        moved: c.moved,
        box: rect(bx, by, boxW, boxH),
        text: placeText(content.boxParts(c, LAYER_COLOURS[layer].text), rect(bx + 6, by + 4, boxW - 12, boxH - 8), 'middle', 'middle', 1),
      });
    });
  }
  return rowH;
}

/** The grid from `y`: block by block, its column headers, then a row per layer; stacked, a gutter between blocks. */
function layoutGrid(f: Frame, plan: StackPlan, content: GridContent, res: ResidencyFrame, y: number): Grid {
  const headerParts = (p: PlacementId): TextPart[] =>
    f.typed([
      { text: PLACEMENT_LABELS[p], fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: PALETTE.text },
      { text: PLACEMENT_DETAILS[p], fontSize: 10, minFontSize: 8, maxLines: f.view ? 2 : 1, colour: PALETTE.muted },
    ]);
  // Blocks of columns: the page and a wide screen have one with every placement; a narrow screen one per placement.
  const blocks: PlacementId[][] = f.stacked ? plan.placements.map((p) => [p]) : [plan.placements];
  const grid: Grid = { layers: [], cells: [], components: [], badges: [], placements: [], blocks, blockTop: [], blockBottom: [], gapMiddle: [], bottom: y };
  blocks.forEach((block, b) => {
    if (b > 0) {
      const top = grid.blockBottom[b - 1]! + (res.blockLast === b - 1 ? 8 : 0);
      grid.gapMiddle[b - 1] = top + f.gutter / 2;
      y = top + f.gutter + (res.blockFirst === b ? 4 : 0);
    }
    // Room above the columns for the residency boundary's label.
    if (b === res.labelRoomAt) y += res.labelH;
    const gridTop = y;
    grid.blockTop[b] = gridTop;
    const headerHeight = f.view ? Math.max(G.headerHeight, ...block.map((p) => Math.ceil(textHeight(headerParts(p), f.colW - 16) + 12))) : G.headerHeight;
    let rowY = gridTop + headerHeight;
    for (const layer of LAYER_IDS) rowY += layoutLayerRow(f, content, grid, block, layer, rowY) + G.rowGap;
    const gridBottom = rowY - G.rowGap + G.cellPadding;
    grid.blockBottom[b] = gridBottom;
    for (const p of block) {
      const cx = f.colX(f.colIndex.get(p)!);
      const header = rect(cx, gridTop, f.colW, headerHeight - 6);
      grid.placements.push({
        id: p,
        label: PLACEMENT_LABELS[p],
        detail: PLACEMENT_DETAILS[p],
        box: rect(cx, gridTop, f.colW, gridBottom - gridTop),
        header,
        text: placeText(headerParts(p), rect(header.x + 8, header.y + 3, header.width - 16, header.height - 6)),
      });
    }
    y = gridBottom;
  });
  grid.bottom = y;
  return grid;
}

const FLOW_R = 9;

/**
 * Flows: side by side, horizontal arrows in the gutter between neighbouring columns, spread around the row's middle;
 * stacked, vertical arrows down (or up) the gap between the two placements, lined up from the column's right edge.
 */
function layoutFlows(f: Frame, flows: readonly PlannedFlow[], slots: FlowSlots, grid: Grid): DataFlow[] {
  const visibleIn = (placement: PlacementId, layer: LayerId, key: string): string | null => {
    const exact = grid.components.find((c) => c.placement === placement && c.layer === layer && c.key === key);
    return exact?.id ?? grid.components.find((c) => c.placement === placement && c.layer === layer)?.id ?? null;
  };
  const seen = new Map<string, number>();
  return flows.map((flow, idx) => {
    const i = f.colIndex.get(flow.from.placement)!;
    const j = f.colIndex.get(flow.to.placement)!;
    const left = Math.min(i, j);
    const key = slots.key(flow);
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const m = slots.count.get(key)!;
    let points: [{ x: number; y: number }, { x: number; y: number }];
    let mx: number;
    let fy: number;
    if (f.stacked) {
      mx = round2(f.colsX0 + f.colW - 24 - k * G.flowSpacing);
      fy = round2(grid.gapMiddle[left]!);
      const top = round2(grid.blockBottom[left]!);
      const bottom = round2(grid.blockTop[left + 1]!);
      points = i < j ? [{ x: mx, y: top }, { x: mx, y: bottom }] : [{ x: mx, y: bottom }, { x: mx, y: top }];
    } else {
      const row = grid.layers.find((l) => l.id === flow.layer)!;
      fy = round2(row.box.y + row.box.height / 2 + (k - (m - 1) / 2) * G.flowSpacing);
      const leftEdge = f.colX(left) + f.colW;
      const rightEdge = f.colX(left + 1);
      points =
        i < j
          ? [{ x: round2(leftEdge), y: fy }, { x: round2(rightEdge), y: fy }]
          : [{ x: round2(rightEdge), y: fy }, { x: round2(leftEdge), y: fy }];
      mx = round2((leftEdge + rightEdge) / 2);
    }
    const r = FLOW_R;
    return {
      id: flow.id,
      number: idx + 1,
      label: flow.label,
      layer: flow.layer,
      from: { placement: flow.from.placement, component: visibleIn(flow.from.placement, flow.layer, flow.from.key) },
      to: { placement: flow.to.placement, component: visibleIn(flow.to.placement, flow.layer, flow.to.key) },
      points,
      marker: {
        x: mx,
        y: fy,
        r,
        text: placeText(f.typed([{ text: String(idx + 1), fontSize: 10, minFontSize: 8, maxLines: 1, weight: 'bold', colour: PALETTE.badgeText }]), rect(mx - r + 1, fy - r, 2 * r - 2, 2 * r))[0]!,
      },
    };
  });
}

/** The residency boundary: around the contiguous columns that hold resident data, its label in the room kept above them. */
function layoutResidency(residency: PlannedResidency | null, res: ResidencyFrame, grid: Grid): ResidencyBoundary | null {
  if (!residency || !res.resident) return null;
  const top = grid.blockTop[res.blockFirst]! - res.labelH - 4;
  const box = rect(res.boxX, top, res.boxW, grid.blockBottom[res.blockLast]! + 8 - top);
  return {
    level: residency.level,
    label: residency.label,
    placements: residency.placements,
    box,
    text: placeText(res.parts, rect(box.x + 8, box.y + 3, box.width - 16, res.labelH - 2), 'start'),
  };
}

/** Serving paths from `y`: one line per path, the steps as a chain of boxes; on a screen, the path's name above its steps. */
function layoutServingPaths(f: Frame, paths: readonly PlannedServingPath[], components: readonly StackComponent[], y: number): { servingPaths: ServingPath[]; bottom: number } {
  const { x0, contentW, typed, view } = f;
  const servingPaths: ServingPath[] = [];
  const stepGap = view ? V.stepGap : G.step.gap;
  for (const path of paths) {
    const labelParts = typed([
      { text: path.label, fontSize: 11, minFontSize: 9, maxLines: 1, weight: 'bold', colour: PALETTE.text },
      { text: WHERE[path.placement], fontSize: 10, minFontSize: 8, maxLines: 1, colour: PALETTE.muted },
    ]);
    const stepCount = path.steps.length;
    const labelW = view ? 0 : G.rowLabelWidth + G.labelGap + 40;
    const stepW = view
      ? Math.min(G.step.width, (contentW - 20 - (stepCount - 1) * stepGap) / stepCount)
      : Math.min(G.step.width, (contentW - labelW - 10 - (stepCount - 1) * stepGap) / stepCount);
    const stepParts = (s: (typeof path.steps)[number]): TextPart[] =>
      typed([{ text: s.label, fontSize: 10, minFontSize: 8, maxLines: view ? 3 : 2, colour: LAYER_COLOURS[s.layer].text, weight: 'bold' }]);
    const stepH = view ? Math.max(G.step.height, ...path.steps.map((s) => Math.ceil(textHeight(stepParts(s), stepW - 12) + 6))) : G.step.height;
    const labelH = view ? Math.ceil(textHeight(labelParts, contentW - 20)) : 0;
    const stepsTop = view ? y + labelH + 12 : y + 8;
    const pathH = view ? labelH + stepH + 20 : G.step.height + 16;
    const box = rect(x0, y, contentW, pathH);
    const text = view
      ? placeText(labelParts, rect(x0 + 10, y + 6, contentW - 20, labelH), 'start')
      : placeText(labelParts, rect(x0 + 10, y + 4, labelW - 20, pathH - 8), 'start');
    const stepsX0 = view ? x0 + 10 : x0 + labelW;
    const steps = path.steps.map((s, i) => {
      const sx = stepsX0 + i * (stepW + stepGap);
      return {
        id: `${path.id}/step-${i + 1}`,
        label: s.label,
        component: components.find((c) => c.placement === path.placement && c.layer === s.layer && c.key === s.key)?.id ?? null,
        box: rect(sx, stepsTop, stepW, stepH),
        text: placeText(stepParts(s), rect(sx + 6, stepsTop + 2, stepW - 12, stepH - 4)),
      };
    });
    const arrows = steps.slice(1).map((s, i) => {
      const prev = steps[i]!;
      const ay = round2(prev.box.y + prev.box.height / 2);
      return { from: prev.id, to: s.id, points: [{ x: round2(prev.box.x + prev.box.width), y: ay }, { x: round2(s.box.x), y: ay }] as [{ x: number; y: number }, { x: number; y: number }] };
    });
    servingPaths.push({ id: path.id, label: path.label, placement: path.placement, box, text, steps, arrows });
    y += pathH + 8;
  }
  if (servingPaths.length > 0) y += G.sectionGap - 8;
  return { servingPaths, bottom: y };
}

/**
 * Lays out the stack diagram from an evaluation, the answers, the room's choices and overrides: deterministic, every
 * text fitted. Without options it is the page the exports draw; with a `width`, a drawing for a screen that wide.
 * The stages, top to bottom: what the decisions put where (planStack) and the room's edits; the frame of columns;
 * the title block; the governance band; the grid of placements and layers; the flows between placements; the
 * residency boundary; the serving paths; the panels and legend.
 */
export function layoutStack(input: StackLayoutInput, options: StackLayoutOptions = {}): StackLayout {
  const resolved = resolveDecisions(input.evaluation, input.choices ?? {});
  const plan = planStack(resolved.decisions, input.answers, stackUseCases(input));
  const edited = applyOverrides(plan.components, input.overrides ?? emptyOverrides(), plan.placements);
  const f = frameFor(plan.placements, options);
  const head = layoutTitle(f, input, resolved, f.margin);
  const band = plan.governance ? layoutGovernance(f, plan.governance, head.bottom) : null;
  const slots = flowSlots(f, plan.flows);
  const res = residencyFrame(f, plan.residency);
  const grid = layoutGrid(f, plan, gridContent(f, plan, edited.components, slots), res, band ? band.bottom : head.bottom);
  const flows = layoutFlows(f, plan.flows, slots, grid);
  const residency = layoutResidency(plan.residency, res, grid);
  const serving = layoutServingPaths(f, plan.servingPaths, grid.components, grid.bottom + (residency && res.blockLast === grid.blocks.length - 1 ? 8 : 0) + G.sectionGap);
  const { panels, legend, bottom } = layoutPanels({
    x: f.x0,
    y: serving.bottom,
    width: f.contentW,
    flows,
    placementsLabel: (p) => PLACEMENT_LABELS[p],
    security: plan.security,
    hasResidency: residency !== null,
    hasGovernance: band !== null,
    hasServing: serving.servingPaths.length > 0,
    hasFlows: flows.length > 0,
    stacked: f.view && (f.contentW - 2 * 16) / 3 < V.minPanelWidth,
    typed: f.typed,
  });
  return {
    format: STACK_LAYOUT_FORMAT,
    version: STACK_LAYOUT_VERSION,
    width: f.width,
    height: Math.ceil(bottom + f.margin),
    fontFamily: FONT_FAMILY,
    shape: plan.shape,
    decisions: resolved.decisions,
    title: head.title,
    placements: grid.placements,
    layers: grid.layers,
    cells: grid.cells,
    components: grid.components,
    hidden: edited.hidden,
    flows,
    servingPaths: serving.servingPaths,
    governance: band?.governance ?? null,
    residency,
    security: plan.security,
    badges: grid.badges,
    panels,
    legend,
    warnings: [...resolved.warnings, ...plan.warnings, ...edited.warnings],
  };
}

/** The box of a component (exported for views that hit-test without the full layout). */
export function componentBox(layout: StackLayout, id: string): Rect | null {
  return layout.components.find((c) => c.id === id)?.box ?? null;
}
