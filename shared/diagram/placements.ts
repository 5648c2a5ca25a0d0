import type { PlacementId } from '../domain';

export { PLACEMENT_IDS, type PlacementId } from '../domain';

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
