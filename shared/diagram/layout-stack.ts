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
import { planStack, type StackUseCase } from './stack-plan';
import { placeText, rect, round2, textHeight, type TextPart } from './text-block';
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

const G = GEOMETRY;

const WHERE: Readonly<Record<PlacementId, string>> = {
  edge: 'at the edge',
  'on-premises': 'on-premises',
  'cloud-a': 'in cloud provider A',
  'cloud-b': 'in cloud provider B',
};

function componentParts(label: string, detail: string | null, colour: string): TextPart[] {
  const parts: TextPart[] = [{ text: label, fontSize: 11, minFontSize: 9, maxLines: 3, colour, weight: 'bold' }];
  if (detail) parts.push({ text: detail, fontSize: 9, minFontSize: 8, maxLines: 2, colour: PALETTE.muted });
  return parts;
}

function decisionSummary(layout: Pick<StackLayout, 'decisions'>): string {
  return layout.decisions
    .map((d) => `${d.title}: ${d.label}${d.source === 'choice' ? " (room's choice)" : ''}`)
    .join('   ·   ');
}

/** Lays out the stack diagram from an evaluation, the answers, the room's choices and overrides: deterministic, every text fitted. */
export function layoutStack(input: StackLayoutInput): StackLayout {
  const resolved = resolveDecisions(input.evaluation, input.choices ?? {});
  const plan = planStack(resolved.decisions, input.answers, stackUseCases(input));
  const edited = applyOverrides(plan.components, input.overrides ?? emptyOverrides(), plan.placements);
  const warnings = [...resolved.warnings, ...plan.warnings, ...edited.warnings];

  // Columns: as wide as the widest of the minimum and an equal share of the minimum content width.
  const n = plan.placements.length;
  const columnsSpace = G.minContentWidth - G.rowLabelWidth - G.labelGap - (n - 1) * G.gutter;
  const colW = Math.max(G.minColumnWidth, Math.floor(columnsSpace / n));
  const perRow = Math.max(1, Math.floor((colW - 2 * G.cellPadding + G.boxGap) / (G.minBoxWidth + G.boxGap)));
  const boxW = Math.floor((colW - 2 * G.cellPadding - (perRow - 1) * G.boxGap) / perRow);
  const contentW = G.rowLabelWidth + G.labelGap + n * colW + (n - 1) * G.gutter;
  const x0 = G.margin;
  const colsX0 = x0 + G.rowLabelWidth + G.labelGap;
  const colX = (i: number): number => colsX0 + i * (colW + G.gutter);
  const colIndex = new Map<PlacementId, number>(plan.placements.map((p, i) => [p, i]));
  const width = Math.round(contentW + 2 * G.margin);
  let y = G.margin;

  // Title block.
  const workshop = input.workshop?.title?.trim() || 'Untitled workshop';
  const date = input.workshop?.date ?? null;
  const pack = { id: input.evaluation.pack.id, version: input.evaluation.pack.version };
  const titleParts: TextPart[] = [
    { text: workshop, fontSize: 20, minFontSize: 14, maxLines: 2, weight: 'bold', colour: PALETTE.text },
    { text: `AI infrastructure stack   ·   ${date ? `${date}   ·   ` : ''}Rule pack ${pack.id} ${pack.version}`, fontSize: 11, minFontSize: 9, maxLines: 2, colour: PALETTE.muted },
    { text: decisionSummary(resolved), fontSize: 11, minFontSize: 9, maxLines: 3, colour: PALETTE.text },
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
    const bandParts: TextPart[] = [
      { text: g.title, fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: PALETTE.text },
      { text: g.detail, fontSize: 10, minFontSize: 9, maxLines: 2, colour: PALETTE.muted },
    ];
    const bandH = Math.ceil(textHeight(bandParts, contentW - 32, 3) + 20);
    const box = rect(x0, y, contentW, bandH);
    const text = placeText(bandParts, rect(x0 + 16, y + 10, contentW - 32, bandH - 20), 'start', 'middle', 3);
    y += bandH + 22;
    const laneH = 42;
    const count = g.lanes.length;
    const laneGap = 12;
    const lanesW = contentW - G.rowLabelWidth - G.labelGap;
    const laneW = (lanesW - (count - 1) * laneGap) / count;
    const lanes: BusinessUnitLane[] = g.lanes.map((lane, i) => {
      const lx = colsX0 + i * (laneW + laneGap);
      const laneBox = rect(lx, y, laneW, laneH);
      return {
        id: lane.id,
        label: lane.label,
        box: laneBox,
        text: placeText(
          [
            { text: lane.label, fontSize: 11, minFontSize: 9, maxLines: 1, weight: 'bold', colour: PALETTE.text },
            { text: lane.detail, fontSize: 9, minFontSize: 8, maxLines: 1, colour: PALETTE.muted },
          ],
          rect(lx + 6, y + 4, laneW - 12, laneH - 8),
        ),
        link: [
          { x: round2(lx + laneW / 2), y: round2(y) },
          { x: round2(lx + laneW / 2), y: round2(box.y + box.height) },
        ],
      };
    });
    const lanesLabel = placeText(
      [{ text: 'Business units', fontSize: 12, minFontSize: 9, maxLines: 2, weight: 'bold', colour: PALETTE.text }],
      rect(x0 + 10, y, G.rowLabelWidth - 20, laneH),
      'start',
    );
    governance = { model: g.model, title: g.title, detail: g.detail, businessUnits: g.businessUnits, box, text: [...text, ...lanesLabel], lanes };
    y += laneH + G.sectionGap;
  }

  // Room above the columns for the residency boundary's label.
  const residencyLabelH = plan.residency ? 22 : 0;
  y += residencyLabelH;
  const gridTop = y;

  // Rows: tall enough for the fullest cell, the row label and badges, and the flows that cross it.
  const cellComponents = new Map<string, EditedComponent[]>();
  for (const c of edited.components) {
    const key = `${c.placement}/${c.layer}`;
    const list = cellComponents.get(key) ?? [];
    list.push(c);
    cellComponents.set(key, list);
  }
  const flowsByRowGutter = new Map<string, number>();
  for (const f of plan.flows) {
    const gutterKey = `${f.layer}/${Math.min(colIndex.get(f.from.placement)!, colIndex.get(f.to.placement)!)}`;
    flowsByRowGutter.set(gutterKey, (flowsByRowGutter.get(gutterKey) ?? 0) + 1);
  }
  const badgesByLayer = new Map<LayerId, typeof plan.security>();
  for (const control of plan.security) for (const layer of control.layers) badgesByLayer.set(layer, [...(badgesByLayer.get(layer) ?? []), control]);
  const rowTop = gridTop + G.headerHeight;
  const layers: LayerRow[] = [];
  const cells: StackCell[] = [];
  const components: StackComponent[] = [];
  const badges: SecurityBadge[] = [];
  let rowY = rowTop;
  for (const layer of LAYER_IDS) {
    let boxRows = 1;
    let boxH: number = G.boxHeight;
    for (const p of plan.placements) {
      const list = cellComponents.get(`${p}/${layer}`) ?? [];
      boxRows = Math.max(boxRows, Math.ceil(list.length / perRow));
      // Every box in a layer gets the height of the fullest one, so rows of boxes line up across columns.
      for (const c of list) boxH = Math.max(boxH, Math.ceil(textHeight(componentParts(c.label, c.detail, PALETTE.text), boxW - 12, 1) + 10));
    }
    let flowCount = 0;
    for (const [k, v] of flowsByRowGutter) if (k.startsWith(`${layer}/`)) flowCount = Math.max(flowCount, v);
    const labelParts: TextPart[] = [{ text: LAYER_LABELS[layer], fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: LAYER_COLOURS[layer].text }];
    const labelNeed = textHeight(labelParts, G.rowLabelWidth - 20) + 8 + G.badge.height + 20;
    const rowH = Math.max(boxRows * boxH + (boxRows - 1) * G.boxGap + 2 * G.cellPadding, labelNeed, flowCount * G.flowSpacing + 16);
    const box = rect(x0, rowY, contentW, rowH);
    const labelBox = rect(x0, rowY, G.rowLabelWidth, rowH);
    const text = placeText(labelParts, rect(x0 + 10, rowY + 10, G.rowLabelWidth - 20, rowH - 20 - G.badge.height - 8), 'start', 'middle');
    const controls = badgesByLayer.get(layer) ?? [];
    const badgeY = text.length > 0 ? text[0]!.y + 8 + (text[0]!.lines.length - 1) * text[0]!.lineHeight : rowY + 10;
    controls.forEach((control, i) => {
      const bBox = rect(x0 + 10 + i * (G.badge.width + G.badge.gap), badgeY, G.badge.width, G.badge.height);
      badges.push({
        id: `badge/${layer}/${control.id}`,
        control: control.id,
        code: control.code,
        layer,
        box: bBox,
        text: placeText([{ text: control.code, fontSize: 9, minFontSize: 8, maxLines: 1, weight: 'bold', colour: PALETTE.badgeText }], rect(bBox.x + 2, bBox.y, bBox.width - 4, bBox.height))[0]!,
      });
    });
    layers.push({ id: layer, label: LAYER_LABELS[layer], box, labelBox, text });
    plan.placements.forEach((p, i) => {
      const cx = colX(i);
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
          text: placeText(componentParts(c.label, c.detail, LAYER_COLOURS[layer].text), rect(bx + 6, by + 4, boxW - 12, boxH - 8), 'middle', 'middle', 1),
        });
      });
    });
    rowY += rowH + G.rowGap;
  }
  const gridBottom = rowY - G.rowGap + G.cellPadding;

  const placements: PlacementColumn[] = plan.placements.map((p, i) => {
    const header = rect(colX(i), gridTop, colW, G.headerHeight - 6);
    return {
      id: p,
      label: PLACEMENT_LABELS[p],
      detail: PLACEMENT_DETAILS[p],
      box: rect(colX(i), gridTop, colW, gridBottom - gridTop),
      header,
      text: placeText(
        [
          { text: PLACEMENT_LABELS[p], fontSize: 13, minFontSize: 10, maxLines: 1, weight: 'bold', colour: PALETTE.text },
          { text: PLACEMENT_DETAILS[p], fontSize: 10, minFontSize: 8, maxLines: 1, colour: PALETTE.muted },
        ],
        rect(header.x + 8, header.y + 3, header.width - 16, header.height - 6),
      ),
    };
  });

  // Flows: horizontal arrows in the gutter between neighbouring columns, spread around the row's middle.
  const visibleIn = (placement: PlacementId, layer: LayerId, key: string): string | null => {
    const exact = components.find((c) => c.placement === placement && c.layer === layer && c.key === key);
    return exact?.id ?? components.find((c) => c.placement === placement && c.layer === layer)?.id ?? null;
  };
  const seen = new Map<string, number>();
  const flows: DataFlow[] = plan.flows.map((f, idx) => {
    const i = colIndex.get(f.from.placement)!;
    const j = colIndex.get(f.to.placement)!;
    const left = Math.min(i, j);
    const gutterKey = `${f.layer}/${left}`;
    const k = seen.get(gutterKey) ?? 0;
    seen.set(gutterKey, k + 1);
    const m = flowsByRowGutter.get(gutterKey)!;
    const row = layers.find((l) => l.id === f.layer)!;
    const fy = round2(row.box.y + row.box.height / 2 + (k - (m - 1) / 2) * G.flowSpacing);
    const leftEdge = colX(left) + colW;
    const rightEdge = colX(left + 1);
    const points: [{ x: number; y: number }, { x: number; y: number }] =
      i < j
        ? [{ x: round2(leftEdge), y: fy }, { x: round2(rightEdge), y: fy }]
        : [{ x: round2(rightEdge), y: fy }, { x: round2(leftEdge), y: fy }];
    const mx = round2((leftEdge + rightEdge) / 2);
    const r = 9;
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
        text: placeText([{ text: String(idx + 1), fontSize: 10, minFontSize: 8, maxLines: 1, weight: 'bold', colour: PALETTE.badgeText }], rect(mx - r + 1, fy - r, 2 * r - 2, 2 * r))[0]!,
      },
    };
  });

  // Residency boundary: around the contiguous columns that hold resident data.
  let residency: ResidencyBoundary | null = null;
  if (plan.residency && plan.residency.placements.length > 0) {
    const idx = plan.residency.placements.map((p) => colIndex.get(p)!);
    const first = Math.min(...idx);
    const last = Math.max(...idx);
    const box = rect(colX(first) - 10, gridTop - residencyLabelH - 4, colX(last) + colW + 10 - (colX(first) - 10), gridBottom - gridTop + residencyLabelH + 12);
    residency = {
      level: plan.residency.level,
      label: plan.residency.label,
      placements: plan.residency.placements,
      box,
      text: placeText(
        [{ text: plan.residency.label, fontSize: 10, minFontSize: 8, maxLines: 1, weight: 'bold', colour: PALETTE.residency }],
        rect(box.x + 8, box.y + 3, box.width - 16, residencyLabelH - 2),
        'start',
      ),
    };
  }
  y = gridBottom + (residency ? 8 : 0) + G.sectionGap;

  // Serving paths: one line per path, the steps as a chain of boxes.
  const servingPaths: ServingPath[] = [];
  for (const path of plan.servingPaths) {
    const pathH = G.step.height + 16;
    const box = rect(x0, y, contentW, pathH);
    const labelW = G.rowLabelWidth + G.labelGap + 40;
    const text = placeText(
      [
        { text: path.label, fontSize: 11, minFontSize: 9, maxLines: 1, weight: 'bold', colour: PALETTE.text },
        { text: WHERE[path.placement], fontSize: 10, minFontSize: 8, maxLines: 1, colour: PALETTE.muted },
      ],
      rect(x0 + 10, y + 4, labelW - 20, pathH - 8),
      'start',
    );
    const available = contentW - labelW - 10;
    const stepCount = path.steps.length;
    const stepW = Math.min(G.step.width, (available - (stepCount - 1) * G.step.gap) / stepCount);
    const steps = path.steps.map((s, i) => {
      const sx = x0 + labelW + i * (stepW + G.step.gap);
      const sBox = rect(sx, y + 8, stepW, G.step.height);
      return {
        id: `${path.id}/step-${i + 1}`,
        label: s.label,
        component: components.find((c) => c.placement === path.placement && c.layer === s.layer && c.key === s.key)?.id ?? null,
        box: sBox,
        text: placeText([{ text: s.label, fontSize: 10, minFontSize: 8, maxLines: 2, colour: LAYER_COLOURS[s.layer].text, weight: 'bold' }], rect(sx + 6, y + 10, stepW - 12, G.step.height - 4)),
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
  });

  return {
    format: STACK_LAYOUT_FORMAT,
    version: STACK_LAYOUT_VERSION,
    width,
    height: Math.ceil(bottom + G.margin),
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
