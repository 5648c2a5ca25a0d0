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
import { businessUnitLanes, planStack, type StackUseCase } from './stack-plan';
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

/**
 * Lays out the stack diagram from an evaluation, the answers, the room's choices and overrides: deterministic, every
 * text fitted. Without options it is the page the exports draw; with a `width`, a drawing for a screen that wide.
 */
export function layoutStack(input: StackLayoutInput, options: StackLayoutOptions = {}): StackLayout {
  const resolved = resolveDecisions(input.evaluation, input.choices ?? {});
  const plan = planStack(resolved.decisions, input.answers, stackUseCases(input));
  const edited = applyOverrides(plan.components, input.overrides ?? emptyOverrides(), plan.placements);
  const warnings = [...resolved.warnings, ...plan.warnings, ...edited.warnings];
  const view = options.width !== undefined && Number.isFinite(options.width);
  const margin: number = view ? V.margin : G.margin;
  const rowLabelWidth: number = view ? V.rowLabelWidth : G.rowLabelWidth;
  const gutter: number = view ? V.gutter : G.gutter;
  const typed = (parts: TextPart[]): TextPart[] => (view ? parts.map(onScreen) : parts);

  // Columns. The page: as wide as the widest of the minimum and an equal share of the minimum content width. A
  // screen: an equal share of its width, or, when that cannot hold a component box, each placement under the other.
  const n = plan.placements.length;
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
  const colX = (i: number): number => (stacked ? colsX0 : colsX0 + i * (colW + gutter));
  const colIndex = new Map<PlacementId, number>(plan.placements.map((p, i) => [p, i]));
  const width = Math.round(contentW + 2 * margin);
  let y = margin;

  // Title block.
  const workshop = input.workshop?.title?.trim() || 'Untitled workshop';
  const date = input.workshop?.date ?? null;
  const pack = { id: input.evaluation.pack.id, version: input.evaluation.pack.version, sha256: input.packSha256 ?? null };
  const summary: TextPart = { text: decisionSummary(resolved), fontSize: 11, minFontSize: 9, maxLines: view ? 6 : 3, colour: PALETTE.text };
  // A screen names the workshop above the drawing already: its title block says what was decided, and only that.
  const titleParts: TextPart[] = view
    ? typed([summary])
    : [
        { text: workshop, fontSize: 20, minFontSize: 14, maxLines: 2, weight: 'bold', colour: PALETTE.text },
        { text: `AI infrastructure stack   ·   ${date ? `${date}   ·   ` : ''}Rule pack ${pack.id} ${pack.version}${pack.sha256 ? ` (sha256 ${pack.sha256.slice(0, 12)})` : ''}`, fontSize: 11, minFontSize: 9, maxLines: 2, colour: PALETTE.muted },
        summary,
      ];
  const titleInnerW = contentW - 32;
  const titleH = Math.ceil(textHeight(titleParts, titleInnerW, 6) + 28);
  const titleBox = rect(x0, y, contentW, titleH);
  const title: TitleBlock = {
    workshop,
    date,
    pack,
    box: titleBox,
    text: placeText(titleParts, rect(x0 + 16, y + 14, titleInnerW, titleH - 28), 'start', 'top', 6),
  };
  y += titleH + G.sectionGap;

  // Governance band and business-unit lanes.
  let governance: GovernanceBand | null = null;
  if (plan.governance) {
    const g = plan.governance;
    const bandParts: TextPart[] = typed([
      { text: g.title, fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: PALETTE.text },
      { text: g.detail, fontSize: 10, minFontSize: 9, maxLines: 2, colour: PALETTE.muted },
    ]);
    const bandH = Math.ceil(textHeight(bandParts, contentW - 32, 3) + 20);
    const box = rect(x0, y, contentW, bandH);
    const text = placeText(bandParts, rect(x0 + 16, y + 10, contentW - 32, bandH - 20), 'start', 'middle', 3);
    y += bandH + 22;
    const laneGap = 12;
    const lanesW = contentW - rowLabelWidth - G.labelGap;
    // On a screen, the lanes that do not fit side by side are folded into one that stands for the rest.
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
      const lx = colsX0 + i * (laneW + laneGap);
      const laneBox = rect(lx, y, laneW, laneH);
      return {
        id: lane.id,
        label: lane.label,
        box: laneBox,
        text: placeText(laneParts(lane), rect(lx + 6, y + 4, laneW - 12, laneH - 8)),
        link: [
          { x: round2(lx + laneW / 2), y: round2(y) },
          { x: round2(lx + laneW / 2), y: round2(box.y + box.height) },
        ],
      };
    });
    const lanesLabel = placeText(
      typed([{ text: 'Business units', fontSize: 12, minFontSize: 9, maxLines: 2, weight: 'bold', colour: PALETTE.text }]),
      rect(x0 + 10, y, rowLabelWidth - 20, laneH),
      'start',
    );
    governance = { model: g.model, title: g.title, detail: g.detail, businessUnits: g.businessUnits, box, text: [...text, ...lanesLabel], lanes };
    y += laneH + G.sectionGap;
  }

  // Flows: side by side, in the gutter of the row of their layer; stacked, in the gap between the two placements.
  const flowKey = (f: { layer: LayerId; from: { placement: PlacementId }; to: { placement: PlacementId } }): string => {
    const left = Math.min(colIndex.get(f.from.placement)!, colIndex.get(f.to.placement)!);
    return stacked ? String(left) : `${f.layer}/${left}`;
  };
  const flowsByKey = new Map<string, number>();
  for (const f of plan.flows) flowsByKey.set(flowKey(f), (flowsByKey.get(flowKey(f)) ?? 0) + 1);
  const FLOW_R = 9;
  // Stacked, the arrows of a gap line up from the right edge of the column.
  const stackedFlowX = (k: number): number => colsX0 + colW - 24 - k * G.flowSpacing;

  // The residency boundary: the placements that hold resident data, and its label above them. They come first in
  // the order of the columns, so stacked, no flow's arrow crosses the label.
  const resident = plan.residency && plan.residency.placements.length > 0 ? plan.residency.placements.map((p) => colIndex.get(p)!) : null;
  const resFirst = resident ? Math.min(...resident) : -1;
  const resLast = resident ? Math.max(...resident) : -1;
  const resBoxX = colX(Math.max(0, resFirst)) - 10;
  const resBoxW = colX(Math.max(0, resLast)) + colW + 10 - resBoxX;
  const resLabelW = round2(resBoxW) - 16;
  const residencyParts: TextPart[] = plan.residency
    ? typed([{ text: plan.residency.label, fontSize: 10, minFontSize: 8, maxLines: view ? 3 : 1, weight: 'bold', colour: PALETTE.residency }])
    : [];
  const residencyLabelH = !plan.residency ? 0 : view ? Math.max(22, Math.ceil(textHeight(residencyParts, resLabelW) + 8)) : 22;

  // Blocks of columns: the page and a wide screen have one with every placement; a narrow screen one per placement.
  const blocks: PlacementId[][] = stacked ? plan.placements.map((p) => [p]) : [plan.placements];
  const resBlockFirst = stacked ? resFirst : resident ? 0 : -1;
  const resBlockLast = stacked ? resLast : resident ? 0 : -1;
  const labelRoomAt = stacked ? resBlockFirst : plan.residency ? 0 : -1;
  const cellComponents = new Map<string, EditedComponent[]>();
  for (const c of edited.components) {
    const key = `${c.placement}/${c.layer}`;
    const list = cellComponents.get(key) ?? [];
    list.push(c);
    cellComponents.set(key, list);
  }
  const badgesByLayer = new Map<LayerId, typeof plan.security>();
  for (const control of plan.security) for (const layer of control.layers) badgesByLayer.set(layer, [...(badgesByLayer.get(layer) ?? []), control]);
  const boxParts = (c: EditedComponent, colour: string): TextPart[] => typed(componentParts(c.label, c.detail, colour, view ? 4 : 3));
  const headerParts = (p: PlacementId): TextPart[] =>
    typed([
      { text: PLACEMENT_LABELS[p], fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: PALETTE.text },
      { text: PLACEMENT_DETAILS[p], fontSize: 10, minFontSize: 8, maxLines: view ? 2 : 1, colour: PALETTE.muted },
    ]);
  const layers: LayerRow[] = [];
  const cells: StackCell[] = [];
  const components: StackComponent[] = [];
  const badges: SecurityBadge[] = [];
  const placements: PlacementColumn[] = [];
  const blockTop: number[] = [];
  const blockBottom: number[] = [];
  // Per gap after a block (stacked): where its flow markers sit.
  const gapMiddle: number[] = [];
  blocks.forEach((block, b) => {
    if (b > 0) {
      const top = blockBottom[b - 1]! + (resBlockLast === b - 1 ? 8 : 0);
      gapMiddle[b - 1] = top + gutter / 2;
      y = top + gutter + (resBlockFirst === b ? 4 : 0);
    }
    // Room above the columns for the residency boundary's label.
    if (b === labelRoomAt) y += residencyLabelH;
    const gridTop = y;
    blockTop[b] = gridTop;
    const headerHeight = view ? Math.max(G.headerHeight, ...block.map((p) => Math.ceil(textHeight(headerParts(p), colW - 16) + 12))) : G.headerHeight;

    // Rows: tall enough for the fullest cell, the row label and badges, and the flows that cross it.
    let rowY = gridTop + headerHeight;
    for (const layer of LAYER_IDS) {
      let boxRows = 1;
      let boxH: number = view ? V.minBoxHeight : G.boxHeight;
      for (const p of block) {
        const list = cellComponents.get(`${p}/${layer}`) ?? [];
        boxRows = Math.max(boxRows, Math.ceil(list.length / perRow));
        // Every box in a layer gets the height of the fullest one, so rows of boxes line up across columns.
        for (const c of list) boxH = Math.max(boxH, Math.ceil(textHeight(boxParts(c, PALETTE.text), boxW - 12, 1) + 10));
      }
      let flowCount = 0;
      if (!stacked) for (const [k, v] of flowsByKey) if (k.startsWith(`${layer}/`)) flowCount = Math.max(flowCount, v);
      const labelParts: TextPart[] = typed([{ text: LAYER_LABELS[layer], fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: LAYER_COLOURS[layer].text }]);
      const labelNeed = textHeight(labelParts, rowLabelWidth - 20) + 8 + G.badge.height + 20;
      const rowH = Math.max(boxRows * boxH + (boxRows - 1) * G.boxGap + 2 * G.cellPadding, labelNeed, flowCount * G.flowSpacing + 16);
      const box = rect(x0, rowY, contentW, rowH);
      const labelBox = rect(x0, rowY, rowLabelWidth, rowH);
      const text = placeText(labelParts, rect(x0 + 10, rowY + 10, rowLabelWidth - 20, rowH - 20 - G.badge.height - 8), 'start', 'middle');
      const controls = badgesByLayer.get(layer) ?? [];
      const badgeY = text.length > 0 ? text[0]!.y + 8 + (text[0]!.lines.length - 1) * text[0]!.lineHeight : rowY + 10;
      controls.forEach((control, i) => {
        const bBox = rect(x0 + 10 + i * (G.badge.width + G.badge.gap), badgeY, G.badge.width, G.badge.height);
        badges.push({
          id: stacked ? `badge/${block[0]!}/${layer}/${control.id}` : `badge/${layer}/${control.id}`,
          control: control.id,
          code: control.code,
          layer,
          box: bBox,
          text: placeText(typed([{ text: control.code, fontSize: 9, minFontSize: 8, maxLines: 1, weight: 'bold', colour: PALETTE.badgeText }]), rect(bBox.x + 2, bBox.y, bBox.width - 4, bBox.height))[0]!,
        });
      });
      layers.push({ id: layer, label: LAYER_LABELS[layer], box, labelBox, text });
      for (const p of block) {
        const cx = colX(colIndex.get(p)!);
        cells.push({ id: `${p}/${layer}`, placement: p, layer, box: rect(cx, rowY, colW, rowH) });
        (cellComponents.get(`${p}/${layer}`) ?? []).forEach((c, k) => {
          const bx = cx + G.cellPadding + (k % perRow) * (boxW + G.boxGap);
          const by = rowY + G.cellPadding + Math.floor(k / perRow) * (boxH + G.boxGap);
          const cBox = rect(bx, by, boxW, boxH);
          components.push({
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
            box: cBox,
            text: placeText(boxParts(c, LAYER_COLOURS[layer].text), rect(bx + 6, by + 4, boxW - 12, boxH - 8), 'middle', 'middle', 1),
          });
        });
      }
      rowY += rowH + G.rowGap;
    }
    const gridBottom = rowY - G.rowGap + G.cellPadding;
    blockBottom[b] = gridBottom;
    for (const p of block) {
      const cx = colX(colIndex.get(p)!);
      const header = rect(cx, gridTop, colW, headerHeight - 6);
      placements.push({
        id: p,
        label: PLACEMENT_LABELS[p],
        detail: PLACEMENT_DETAILS[p],
        box: rect(cx, gridTop, colW, gridBottom - gridTop),
        header,
        text: placeText(headerParts(p), rect(header.x + 8, header.y + 3, header.width - 16, header.height - 6)),
      });
    }
    y = gridBottom;
  });

  // Flows: side by side, horizontal arrows in the gutter between neighbouring columns, spread around the row's
  // middle; stacked, vertical arrows down (or up) the gap between the two placements.
  const visibleIn = (placement: PlacementId, layer: LayerId, key: string): string | null => {
    const exact = components.find((c) => c.placement === placement && c.layer === layer && c.key === key);
    return exact?.id ?? components.find((c) => c.placement === placement && c.layer === layer)?.id ?? null;
  };
  const seen = new Map<string, number>();
  const flows: DataFlow[] = plan.flows.map((f, idx) => {
    const i = colIndex.get(f.from.placement)!;
    const j = colIndex.get(f.to.placement)!;
    const left = Math.min(i, j);
    const key = flowKey(f);
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const m = flowsByKey.get(key)!;
    let points: [{ x: number; y: number }, { x: number; y: number }];
    let mx: number;
    let fy: number;
    if (stacked) {
      mx = round2(stackedFlowX(k));
      fy = round2(gapMiddle[left]!);
      const top = round2(blockBottom[left]!);
      const bottom = round2(blockTop[left + 1]!);
      points = i < j ? [{ x: mx, y: top }, { x: mx, y: bottom }] : [{ x: mx, y: bottom }, { x: mx, y: top }];
    } else {
      const row = layers.find((l) => l.id === f.layer)!;
      fy = round2(row.box.y + row.box.height / 2 + (k - (m - 1) / 2) * G.flowSpacing);
      const leftEdge = colX(left) + colW;
      const rightEdge = colX(left + 1);
      points =
        i < j
          ? [{ x: round2(leftEdge), y: fy }, { x: round2(rightEdge), y: fy }]
          : [{ x: round2(rightEdge), y: fy }, { x: round2(leftEdge), y: fy }];
      mx = round2((leftEdge + rightEdge) / 2);
    }
    const r = FLOW_R;
    return {
      id: f.id,
      number: idx + 1,
      label: f.label,
      layer: f.layer,
      from: { placement: f.from.placement, component: visibleIn(f.from.placement, f.layer, f.from.key) },
      to: { placement: f.to.placement, component: visibleIn(f.to.placement, f.layer, f.to.key) },
      points,
      marker: {
        x: mx,
        y: fy,
        r,
        text: placeText(typed([{ text: String(idx + 1), fontSize: 10, minFontSize: 8, maxLines: 1, weight: 'bold', colour: PALETTE.badgeText }]), rect(mx - r + 1, fy - r, 2 * r - 2, 2 * r))[0]!,
      },
    };
  });

  // Residency boundary: around the contiguous columns that hold resident data.
  let residency: ResidencyBoundary | null = null;
  if (plan.residency && resident) {
    const top = blockTop[resBlockFirst]! - residencyLabelH - 4;
    const box = rect(resBoxX, top, resBoxW, blockBottom[resBlockLast]! + 8 - top);
    residency = {
      level: plan.residency.level,
      label: plan.residency.label,
      placements: plan.residency.placements,
      box,
      text: placeText(residencyParts, rect(box.x + 8, box.y + 3, box.width - 16, residencyLabelH - 2), 'start'),
    };
  }
  y += (residency && resBlockLast === blocks.length - 1 ? 8 : 0) + G.sectionGap;

  // Serving paths: one line per path, the steps as a chain of boxes; on a screen, the path's name above its steps.
  const servingPaths: ServingPath[] = [];
  const stepGap = view ? V.stepGap : G.step.gap;
  for (const path of plan.servingPaths) {
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
      const sBox = rect(sx, stepsTop, stepW, stepH);
      return {
        id: `${path.id}/step-${i + 1}`,
        label: s.label,
        component: components.find((c) => c.placement === path.placement && c.layer === s.layer && c.key === s.key)?.id ?? null,
        box: sBox,
        text: placeText(stepParts(s), rect(sx + 6, stepsTop + 2, stepW - 12, stepH - 4)),
        layer: s.layer,
      };
    });
    const arrows = steps.slice(1).map((s, i) => {
      const prev = steps[i]!;
      const ay = round2(prev.box.y + prev.box.height / 2);
      return { from: prev.id, to: s.id, points: [{ x: round2(prev.box.x + prev.box.width), y: ay }, { x: round2(s.box.x), y: ay }] as [{ x: number; y: number }, { x: number; y: number }] };
    });
    servingPaths.push({ id: path.id, label: path.label, placement: path.placement, box, text, steps: steps.map(({ layer: _layer, ...s }) => s), arrows });
    y += pathH + 8;
  }
  if (servingPaths.length > 0) y += G.sectionGap - 8;

  const { panels, legend, bottom } = layoutPanels({
    x: x0,
    y,
    width: contentW,
    flows,
    placementsLabel: (p) => PLACEMENT_LABELS[p],
    security: plan.security,
    hasResidency: residency !== null,
    hasGovernance: governance !== null,
    hasServing: servingPaths.length > 0,
    hasFlows: flows.length > 0,
    stacked: view && (contentW - 2 * 16) / 3 < V.minPanelWidth,
    typed,
  });

  return {
    format: STACK_LAYOUT_FORMAT,
    version: STACK_LAYOUT_VERSION,
    width,
    height: Math.ceil(bottom + margin),
    fontFamily: FONT_FAMILY,
    shape: plan.shape,
    decisions: resolved.decisions,
    title,
    placements,
    layers,
    cells,
    components,
    hidden: edited.hidden,
    flows,
    servingPaths,
    governance,
    residency,
    security: plan.security,
    badges,
    panels,
    legend,
    warnings,
  };
}

/** The box of a component (exported for views that hit-test without the full layout). */
export function componentBox(layout: StackLayout, id: string): Rect | null {
  return layout.components.find((c) => c.id === id)?.box ?? null;
}
