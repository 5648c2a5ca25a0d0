import type { DiagramOverrides } from '../domain';
import { LAYER_IDS, type LayerId } from './layers';
import { PLACEMENT_IDS, PLACEMENT_LABELS, type PlacementId } from './placements';
import { catalogueIndex, iconFor, type PlannedComponent } from './stack-plan';
import type { StackComponent } from './stack-layout';

/** A component after the room's edits, not yet placed on the page. */
export type EditedComponent = Omit<StackComponent, 'box' | 'text'>;

/** Components after overrides, the hidden ones, and the overrides that matched nothing. */
export interface EditedStack {
  components: EditedComponent[];
  hidden: Array<{ id: string; layer: LayerId; placement: PlacementId; label: string }>;
  warnings: string[];
}

function order(a: EditedComponent, b: EditedComponent): number {
  return (
    LAYER_IDS.indexOf(a.layer) - LAYER_IDS.indexOf(b.layer) ||
    PLACEMENT_IDS.indexOf(a.placement) - PLACEMENT_IDS.indexOf(b.placement) ||
    (a.origin === b.origin ? 0 : a.origin === 'generated' ? -1 : 1) ||
    catalogueIndex(a.layer, a.key) - catalogueIndex(b.layer, b.key) ||
    PLACEMENT_IDS.indexOf(a.homePlacement ?? 'edge') - PLACEMENT_IDS.indexOf(b.homePlacement ?? 'edge')
  );
}

/** Applies renames, moves, hides and additions by stable id; edits for components that are gone become warnings. */
export function applyOverrides(planned: readonly PlannedComponent[], overrides: DiagramOverrides, placements: readonly PlacementId[]): EditedStack {
  const warnings: string[] = [];
  const present = new Set(placements);
  const added: EditedComponent[] = overrides.added.map((a) => ({
    id: `custom/${a.id}`,
    key: a.id,
    layer: a.layer,
    placement: a.placement,
    homePlacement: null,
    label: a.label,
    detail: null,
    icon: iconFor(a.layer, a.id),
    origin: 'added' as const,
    renamed: false,
    moved: false,
  }));
  const all: EditedComponent[] = [
    ...planned.map((c) => ({ ...c, homePlacement: c.placement, origin: 'generated' as const, renamed: false, moved: false })),
    ...added,
  ];
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const [id, label] of Object.entries(overrides.renamed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const c = byId.get(id);
    if (!c) warnings.push(`Rename of "${id}" not applied: the current decisions do not draw that component.`);
    else if (label !== c.label) {
      c.label = label;
      c.renamed = true;
    }
  }
  for (const [id, to] of Object.entries(overrides.moved).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const c = byId.get(id);
    if (!c) warnings.push(`Move of "${id}" not applied: the current decisions do not draw that component.`);
    else if (!present.has(to)) warnings.push(`Move of "${id}" to ${PLACEMENT_LABELS[to]} not applied: the current decisions draw no ${PLACEMENT_LABELS[to]} column.`);
    else if (to !== c.placement) {
      c.placement = to;
      c.moved = true;
    }
  }
  for (const c of added) {
    if (!present.has(c.placement)) {
      warnings.push(`Added component "${c.label}" is in ${PLACEMENT_LABELS[c.placement]}, which the current decisions do not draw; it is hidden until that column returns.`);
    }
  }
  const hiddenIds = new Set(overrides.hidden);
  for (const id of [...hiddenIds].sort()) if (!byId.has(id)) warnings.push(`Hiding "${id}" not applied: the current decisions do not draw that component.`);
  const visible: EditedComponent[] = [];
  const hidden: EditedStack['hidden'] = [];
  for (const c of all) {
    if (hiddenIds.has(c.id) || !present.has(c.placement)) hidden.push({ id: c.id, layer: c.layer, placement: c.placement, label: c.label });
    else visible.push(c);
  }
  const addedOrder = new Map(added.map((c, i) => [c.id, i]));
  visible.sort((a, b) => order(a, b) || (addedOrder.get(a.id) ?? 0) - (addedOrder.get(b.id) ?? 0));
  return { components: visible, hidden, warnings };
}
