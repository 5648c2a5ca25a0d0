import type { CreateWorkshopInput } from '../../shared/contract';

/** The workshop a newcomer finds on first run, clearly labelled as an example. */
export const EXAMPLE_WORKSHOP: Required<CreateWorkshopInput> = {
  title: 'Example: AI platform strategy',
  organisation: 'Example organisation',
  facilitator: 'Stratum',
  date: '2026-01-15',
  description:
    'An example workshop to explore Stratum. Rename it, archive it, or create your own from the workshop list.',
};
