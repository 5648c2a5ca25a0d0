import type { AddedComponent, WorkshopState } from '../../../shared/domain';
import type { LayerId, PlacementId } from '../../../shared/diagram';

/** Pure edits of the workshop's diagram overrides, used with the session slice's `change`. */
export function withRename(state: WorkshopState, id: string, label: string | null): WorkshopState {
  return withOverride(state, id, 'renamed', 'label', label);
}

export function withMove(state: WorkshopState, id: string, placement: PlacementId | null): WorkshopState {
  return withOverride(state, id, 'moved', 'placement', placement);
}

/**
 * Sets (or, with null, clears) one override of a component: a component the room added changes itself; one
 * the stack draws is kept in the override map `map` by its id.
 */
function withOverride<F extends 'label' | 'placement'>(state: WorkshopState, id: string, map: 'renamed' | 'moved', field: F, value: AddedComponent[F] | null): WorkshopState {
  if (id.startsWith('custom/')) {
    const key = id.slice('custom/'.length);
    return { ...state, diagram: { ...state.diagram, added: state.diagram.added.map((c) => (c.id === key && value ? { ...c, [field]: value } : c)) } };
  }
  const overrides: Record<string, string> = { ...state.diagram[map] };
  if (value) overrides[id] = value;
  else delete overrides[id];
  return { ...state, diagram: { ...state.diagram, [map]: overrides } };
}

export function withHidden(state: WorkshopState, id: string, hidden: boolean): WorkshopState {
  const rest = state.diagram.hidden.filter((h) => h !== id);
  return { ...state, diagram: { ...state.diagram, hidden: hidden ? [...rest, id] : rest } };
}

/** Adds a component; its id is derived from the label and kept unique. */
export function withAdded(state: WorkshopState, layer: LayerId, placement: PlacementId, label: string): { state: WorkshopState; id: string } {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'component';
  const taken = new Set(state.diagram.added.map((c) => c.id));
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return { state: { ...state, diagram: { ...state.diagram, added: [...state.diagram.added, { id: key, layer, placement, label }] } }, id: `custom/${key}` };
}

export function withRemovedAdded(state: WorkshopState, id: string): WorkshopState {
  const key = id.slice('custom/'.length);
  return { ...state, diagram: { ...state.diagram, added: state.diagram.added.filter((c) => c.id !== key) } };
}
