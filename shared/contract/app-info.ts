import { z } from 'zod';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** How the renderer reaches the handlers: the desktop window or the loopback host. */
  transport: z.enum(['electron', 'browser']),
  dataFile: z.string(),
  schemaVersion: z.number().int(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const EmptyInput = z.object({}).strict();
