import { z } from 'zod';
import { ID_MESSAGE, ID_PATTERN } from '../domain';

/** Pack versions are semantic versions (1.0.0); this is their longest plausible length, not their form. */
const VERSION_MAX = 100;

/** A rule pack in the library, named by its id and version. */
export const PackRef = z
  .object({
    id: z.string({ message: 'must be a pack id' }).regex(ID_PATTERN, { message: ID_MESSAGE }),
    version: z.string({ message: 'must be a pack version such as 1.0.0' }).min(1, { message: 'must be a pack version such as 1.0.0' }).max(VERSION_MAX),
  })
  .strict();
export type PackRef = z.infer<typeof PackRef>;
