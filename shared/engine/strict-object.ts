import { z } from 'zod';
import { ALLOWED_KEYS_MARKER } from './zod-issues';

/** A zod object that refuses unknown fields and says which fields it knows (a typo must not pass silently). */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `${ALLOWED_KEYS_MARKER}${allowed}` : undefined),
  });
}
