export const STEPS = [
  { id: 'setup', label: 'Setup', ready: true },
  { id: 'context', label: 'Context', ready: false },
  { id: 'priorities', label: 'Priorities', ready: false },
  { id: 'decisions', label: 'Decisions', ready: false },
  { id: 'consensus', label: 'Consensus', ready: false },
  { id: 'stack', label: 'Stack', ready: false },
  { id: 'cost', label: 'Cost', ready: false },
  { id: 'records', label: 'Records', ready: false },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

export type Route = { name: 'home' } | { name: 'workshop'; id: string; step: StepId };

function isStep(s: string): s is StepId {
  return STEPS.some((step) => step.id === s);
}

/** Reads a route from a location hash such as `#/workshops/<id>/setup`. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'workshops' && parts[1]) {
    const step = parts[2] && isStep(parts[2]) ? parts[2] : 'setup';
    return { name: 'workshop', id: decodeURIComponent(parts[1]), step };
  }
  return { name: 'home' };
}

/** The hash for a route. */
export function routeToHash(route: Route): string {
  return route.name === 'home' ? '#/' : `#/workshops/${encodeURIComponent(route.id)}/${route.step}`;
}
