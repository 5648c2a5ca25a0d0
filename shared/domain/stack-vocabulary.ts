/** The rows of the stack, top to bottom. */
export type LayerId = 'applications' | 'platform' | 'networking' | 'storage' | 'compute';

/** Layer ids in drawing order (top to bottom). */
export const LAYER_IDS: readonly LayerId[] = ['applications', 'platform', 'networking', 'storage', 'compute'];

/** The columns of the stack: where a component runs. */
export type PlacementId = 'edge' | 'on-premises' | 'cloud-a' | 'cloud-b';

// Edge sits beside the estate it is fed from, so every cross-placement flow joins neighbouring columns.
/** Placement ids in drawing order (left to right). */
export const PLACEMENT_IDS: readonly PlacementId[] = ['edge', 'on-premises', 'cloud-a', 'cloud-b'];
