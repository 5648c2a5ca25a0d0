/** The rows of the stack, top to bottom. */
export type LayerId = 'applications' | 'platform' | 'networking' | 'storage' | 'compute';

/** Layer ids in drawing order (top to bottom). */
export const LAYER_IDS: readonly LayerId[] = ['applications', 'platform', 'networking', 'storage', 'compute'];

/** The label a person reads for each layer. */
export const LAYER_LABELS: Readonly<Record<LayerId, string>> = {
  applications: 'Applications',
  platform: 'Platform',
  networking: 'Networking',
  storage: 'Storage',
  compute: 'Compute',
};
