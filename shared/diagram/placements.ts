/** The columns of the stack: where a component runs. */
export type PlacementId = 'edge' | 'on-premises' | 'cloud-a' | 'cloud-b';

// Edge sits beside the estate it is fed from, so every cross-placement flow joins neighbouring columns.
/** Placement ids in drawing order (left to right). */
export const PLACEMENT_IDS: readonly PlacementId[] = ['edge', 'on-premises', 'cloud-a', 'cloud-b'];

/** The label a person reads for each placement. */
export const PLACEMENT_LABELS: Readonly<Record<PlacementId, string>> = {
  edge: 'Edge',
  'on-premises': 'On-premises',
  'cloud-a': 'Cloud provider A',
  'cloud-b': 'Cloud provider B',
};

/** A one-line description under each placement's heading. */
export const PLACEMENT_DETAILS: Readonly<Record<PlacementId, string>> = {
  edge: 'Sites and devices near users',
  'on-premises': 'Your data centre',
  'cloud-a': 'Primary public cloud',
  'cloud-b': 'Second public cloud',
};
