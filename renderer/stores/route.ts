import { workshopHash } from '../../shared/contract/routes';

export const STEPS = [
  { id: 'setup', label: 'Setup', ready: true },
  { id: 'use-cases', label: 'Use cases', ready: true },
  { id: 'context', label: 'Organisation', ready: true },
  { id: 'priorities', label: 'Priorities', ready: true },
  { id: 'decisions', label: 'Decisions', ready: true },
  { id: 'consensus', label: 'Consensus', ready: true },
  { id: 'summary', label: 'Summary', ready: true },
  { id: 'stack', label: 'Stack', ready: true },
  { id: 'cost', label: 'Cost', ready: true },
  { id: 'records', label: 'Records', ready: true },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

export type Route = { name: 'home' } | { name: 'packs' } | { name: 'workshop'; id: string; step: StepId; decision?: string };

function isStep(s: string): s is StepId {
  return STEPS.some((step) => step.id === s);
}

/** Reads a route from a location hash such as `#/workshops/<id>/decisions/deployment`. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'packs' && parts.length === 1) return { name: 'packs' };
  if (parts[0] === 'workshops' && parts[1]) {
    const step = parts[2] && isStep(parts[2]) ? parts[2] : 'setup';
    const id = decodeURIComponent(parts[1]);
    if (step === 'decisions' && parts[3]) return { name: 'workshop', id, step, decision: decodeURIComponent(parts[3]) };
    return { name: 'workshop', id, step };
  }
  return { name: 'home' };
}

/** The hash for a route. */
export function routeToHash(route: Route): string {
  if (route.name === 'home') return '#/';
  if (route.name === 'packs') return '#/packs';
  const base = workshopHash(route.id, route.step);
  return route.step === 'decisions' && route.decision ? `${base}/${encodeURIComponent(route.decision)}` : base;
}

/** The steps that work, in order, for moving with arrow keys in presenter mode. */
export function readySteps(): StepId[] {
  return STEPS.filter((s) => s.ready).map((s) => s.id);
}
