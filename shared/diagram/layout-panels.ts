import { LAYER_IDS, LAYER_LABELS } from './layers';
import { PALETTE } from './palette';
import type { PlacementId } from './placements';
import type { DataFlow, Legend, LegendSwatch, Panel, Rect } from './stack-layout';
import type { SecurityControl } from './stack-plan';
import { placeText, rect, textHeight, type TextPart } from './text-block';

/** What the panels under the stack show. */
export interface PanelsInput {
  x: number;
  y: number;
  width: number;
  flows: readonly DataFlow[];
  placementsLabel: (p: PlacementId) => string;
  security: readonly SecurityControl[];
  hasResidency: boolean;
  hasGovernance: boolean;
  hasServing: boolean;
  hasFlows: boolean;
  /** One panel under the other, each as wide as the drawing (a narrow screen); else side by side, the same height. */
  stacked?: boolean;
  /** How text parts are drawn (a screen keeps labels at their size); as given by default. */
  typed?: (parts: TextPart[]) => TextPart[];
}

const PAD = 12;
const GAP = 16;
const TITLE: Omit<TextPart, 'text'> = { fontSize: 12, minFontSize: 10, maxLines: 1, weight: 'bold', colour: PALETTE.text };
const ITEM: Omit<TextPart, 'text'> = { fontSize: 10, minFontSize: 8.5, maxLines: 4, colour: PALETTE.text };
const MARKER_W = 26;
const ITEM_GAP = 8;

interface ItemSpec {
  id: string;
  marker: { kind: 'number' | 'badge'; text: string };
  text: string;
}

type Typed = (parts: TextPart[]) => TextPart[];
const asGiven: Typed = (parts) => parts;

function listPanel(id: Panel['id'], title: string, items: readonly ItemSpec[], empty: string, box: Rect, typed: Typed): { panel: Panel; height: number } {
  const textW = box.width - 2 * PAD - MARKER_W - 8;
  const titleText = placeText(typed([{ ...TITLE, text: title }]), rect(box.x + PAD, box.y + PAD, box.width - 2 * PAD, 16), 'start');
  let y = box.y + PAD + 16 + 8;
  const placed: Panel['items'] = [];
  const extra = items.length === 0 ? placeText(typed([{ ...ITEM, text: empty, colour: PALETTE.muted }]), rect(box.x + PAD, y, box.width - 2 * PAD, 14), 'start', 'top') : [];
  if (items.length === 0) y += 16;
  for (const item of items) {
    const itemParts = typed([{ ...ITEM, text: item.text }]);
    const h = Math.max(16, textHeight(itemParts, textW));
    const markerBox = item.marker.kind === 'number' ? rect(box.x + PAD + 4, y, 18, 18) : rect(box.x + PAD, y, MARKER_W, 16);
    placed.push({
      id: item.id,
      marker: {
        kind: item.marker.kind,
        box: markerBox,
        text: placeText(typed([{ text: item.marker.text, fontSize: 9, minFontSize: 8, maxLines: 1, weight: 'bold', colour: PALETTE.badgeText }]), rect(markerBox.x + 1, markerBox.y, markerBox.width - 2, markerBox.height))[0]!,
      },
      text: placeText(itemParts, rect(box.x + PAD + MARKER_W + 8, y, textW, h), 'start', 'top')[0]!,
    });
    y += h + ITEM_GAP;
  }
  return { panel: { id, title, box, text: [...titleText, ...extra], items: placed }, height: y - box.y + PAD - ITEM_GAP };
}

function legendItems(input: PanelsInput): Array<{ id: string; swatch: LegendSwatch; text: string }> {
  const items: Array<{ id: string; swatch: LegendSwatch; text: string }> = LAYER_IDS.map((layer) => ({ id: `legend/${layer}`, swatch: { kind: 'layer', layer }, text: `${LAYER_LABELS[layer]} component` }));
  items.push({ id: 'legend/edited', swatch: { kind: 'edited' }, text: 'Added or moved by the room' });
  if (input.hasFlows) items.push({ id: 'legend/flow', swatch: { kind: 'flow' }, text: 'Data flow (numbered)' });
  if (input.hasResidency) items.push({ id: 'legend/residency', swatch: { kind: 'residency' }, text: 'Data residency boundary' });
  items.push({ id: 'legend/badge', swatch: { kind: 'badge' }, text: 'Security control' });
  if (input.hasServing) items.push({ id: 'legend/step', swatch: { kind: 'step' }, text: 'Serving path step' });
  if (input.hasGovernance) {
    items.push({ id: 'legend/governance', swatch: { kind: 'governance' }, text: 'Platform and governance' });
    items.push({ id: 'legend/lane', swatch: { kind: 'lane' }, text: 'Business-unit lane' });
  }
  return items;
}

// A legend narrower than this has one column.
const LEGEND_TWO_COLUMNS = 360;

function layoutLegend(input: PanelsInput, box: Rect, typed: Typed): { legend: Legend; height: number } {
  const titleText = placeText(typed([{ ...TITLE, text: 'Legend' }]), rect(box.x + PAD, box.y + PAD, box.width - 2 * PAD, 16), 'start');
  const specs = legendItems(input);
  const columns = input.stacked && box.width < LEGEND_TWO_COLUMNS ? 1 : 2;
  const colW = (box.width - 2 * PAD - (columns - 1) * GAP) / columns;
  const rowsPerCol = Math.ceil(specs.length / columns);
  const swatchW = 28;
  const rowH = 28;
  const top = box.y + PAD + 16 + 8;
  const items = specs.map((s, i) => {
    const col = Math.floor(i / rowsPerCol);
    const row = i % rowsPerCol;
    const ix = box.x + PAD + col * (colW + GAP);
    const iy = top + row * rowH;
    return {
      id: s.id,
      swatch: s.swatch,
      swatchBox: rect(ix, iy + 5, swatchW, 16),
      text: placeText(typed([{ text: s.text, fontSize: 10, minFontSize: 8, maxLines: 2, colour: PALETTE.text }]), rect(ix + swatchW + 8, iy, colW - swatchW - 8, 26), 'start')[0]!,
    };
  });
  return { legend: { box, text: titleText, items }, height: top + rowsPerCol * rowH - box.y + PAD - 4 };
}

/** Lays out the flow list, the security controls and the legend: side by side, all the same height, or one under the other. */
export function layoutPanels(input: PanelsInput): { panels: Panel[]; legend: Legend; bottom: number } {
  const typed = input.typed ?? asGiven;
  const flowItems: ItemSpec[] = input.flows.map((f) => ({
    id: f.id,
    marker: { kind: 'number', text: String(f.number) },
    text: `${f.label} (${input.placementsLabel(f.from.placement)} → ${input.placementsLabel(f.to.placement)})`,
  }));
  const securityItems: ItemSpec[] = input.security.map((c) => ({ id: `security/${c.id}`, marker: { kind: 'badge', text: c.code }, text: `${c.label}: ${c.detail}` }));
  const flowsEmpty = 'No data crosses placements in this design.';
  if (input.stacked) {
    // One under the other, each as tall as it needs.
    const at = (y: number, height: number): Rect => rect(input.x, y, input.width, height);
    let y = input.y;
    const flowsH = Math.ceil(listPanel('flows', 'Data flows', flowItems, flowsEmpty, at(y, 0), typed).height);
    const flows = listPanel('flows', 'Data flows', flowItems, flowsEmpty, at(y, flowsH), typed).panel;
    y += flowsH + GAP;
    const securityH = Math.ceil(listPanel('security', 'Security controls', securityItems, '', at(y, 0), typed).height);
    const security = listPanel('security', 'Security controls', securityItems, '', at(y, securityH), typed).panel;
    y += securityH + GAP;
    const legendH = Math.ceil(layoutLegend(input, at(y, 0), typed).height);
    const legend = layoutLegend(input, at(y, legendH), typed).legend;
    return { panels: [flows, security], legend, bottom: y + legendH };
  }
  const w = (input.width - 2 * GAP) / 3;
  const boxAt = (i: number, height: number): Rect => rect(input.x + i * (w + GAP), input.y, w, height);
  // First pass measures; the second places every panel at the tallest height.
  const measure = [
    listPanel('flows', 'Data flows', flowItems, flowsEmpty, boxAt(0, 0), typed).height,
    listPanel('security', 'Security controls', securityItems, '', boxAt(1, 0), typed).height,
    layoutLegend(input, boxAt(2, 0), typed).height,
  ];
  const height = Math.ceil(Math.max(...measure));
  const flows = listPanel('flows', 'Data flows', flowItems, flowsEmpty, boxAt(0, height), typed).panel;
  const security = listPanel('security', 'Security controls', securityItems, '', boxAt(1, height), typed).panel;
  const legend = layoutLegend(input, boxAt(2, height), typed).legend;
  return { panels: [flows, security], legend, bottom: input.y + height };
}
