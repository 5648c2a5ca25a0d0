import type { Factor } from '../../../shared/engine';

export interface FactorGroup {
  id: string;
  label: string;
  factors: Factor[];
}

/** The pack's factors under its question groups, in pack order; factors without a group come last. */
export function groupFactors(groups: readonly { id: string; label: string }[] | undefined, factors: readonly Factor[]): FactorGroup[] {
  const result: FactorGroup[] = (groups ?? []).map((g) => ({ id: g.id, label: g.label, factors: [] }));
  const byId = new Map(result.map((g) => [g.id, g]));
  const other: FactorGroup = { id: 'other', label: groups?.length ? 'Other questions' : 'Questions', factors: [] };
  for (const f of factors) (f.group ? (byId.get(f.group) ?? other) : other).factors.push(f);
  if (other.factors.length > 0) result.push(other);
  return result.filter((g) => g.factors.length > 0);
}

/** A factor counts as settled when it has an answer or the room said "don't know yet". */
export function settledCount(factors: readonly Factor[], answers: Readonly<Record<string, unknown>>, dontKnow: readonly string[]): number {
  return factors.filter((f) => answers[f.id] !== undefined || dontKnow.includes(f.id)).length;
}
