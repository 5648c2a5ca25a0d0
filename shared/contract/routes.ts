/**
 * The address of a workshop page inside the app (the part after `#`): the renderer's router reads it,
 * and the main process opens the window on it when a workshop file is opened with the app.
 */
export function workshopHash(id: string, step = 'setup'): string {
  return `#/workshops/${encodeURIComponent(id)}/${step}`;
}
