import type { LayerId } from '../domain';

export { LAYER_IDS, type LayerId } from '../domain';

/** The label a person reads for each layer. */
export const LAYER_LABELS: Readonly<Record<LayerId, string>> = {
  applications: 'Applications',
  platform: 'Platform',
  networking: 'Networking',
  storage: 'Storage',
  compute: 'Compute',
};
