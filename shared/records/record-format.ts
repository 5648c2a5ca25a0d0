import { humanize, type Participant } from '../domain';
import { formatNumber } from '../cost';
import type { Factor } from '../engine';

/** A 0..1 score with two decimals: "0.71". */
export function formatScore(score: number): string {
  return score.toFixed(2);
}

/** A criterion weight on the 0..5 scale: "4", "3.42". */
export function formatWeight(weight: number): string {
  return formatNumber(weight, 2);
}

/** An answer as a person reads it: enum values in words ("One provider"), yes/no, numbers grouped with their unit. */
export function formatAnswer(factor: Factor | undefined, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    const unit = factor?.type === 'number' && factor.unit ? ` ${factor.unit}` : '';
    return `${formatNumber(value, 4)}${unit}`;
  }
  return humanize(value);
}

/** A participant as records list them: "M. Okafor (CISO)"; a blank name is "Unnamed participant". */
export function participantLabel(p: Pick<Participant, 'name' | 'role'>): string {
  const name = p.name.trim() || 'Unnamed participant';
  return p.role.trim() ? `${name} (${p.role.trim()})` : name;
}

/** The text with a full stop at the end unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The text with its first letter in lower case, unless it starts an acronym ("GPU", "AI"). */
export function lowerFirst(text: string): string {
  if (text.length > 1 && /^[A-Z][A-Z0-9]/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The date part (YYYY-MM-DD) of an ISO 8601 date-time. */
export function isoDay(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/** True for a well-formed YYYY-MM-DD date. */
export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** "a", "a and b", "a, b and c". */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
