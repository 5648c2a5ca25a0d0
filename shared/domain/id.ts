import { z } from 'zod';

/** The rule pack's id syntax (factors, criteria, decisions, options, rules): letters and digits joined by ".", "-" or "_". */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*$/;
export const ID_MESSAGE = 'must be an id: letters and digits, joined by ".", "-" or "_"';

/** A pack id as people's files and the page send it: at most 64 characters. */
export const PackItemId = z
  .string({ message: 'must be text' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(ID_PATTERN, { message: ID_MESSAGE });
