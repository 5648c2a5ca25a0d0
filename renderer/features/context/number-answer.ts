import type { Factor } from '../../../shared/engine';
import { parseNumberText } from '../../components/number-text';
import type { NumberReading } from '../../components/use-number-draft';

type NumberFactor = Extract<Factor, { type: 'number' }>;

/** A factor asked as a share from 0 to 1: "55%" is read as 0.55 there. */
const asksFraction = (factor: NumberFactor) => factor.min === 0 && factor.max === 1;

/**
 * What a typed number means for a factor: the value (null when the field is emptied: no answer), or a message
 * naming what is allowed. Reads separators, a decimal comma, "30k" and "1.5M", and "55%" for a fraction.
 */
export function readNumberAnswer(factor: NumberFactor, text: string): NumberReading {
  if (text.trim() === '') return { ok: true, value: null };
  const n = parseNumberText(text, { fraction: asksFraction(factor) });
  const refuse = (message: string): NumberReading => ({ ok: false, message });
  if (!Number.isFinite(n)) return refuse(asksFraction(factor) ? 'Enter a number from 0 to 1, such as 0.55 or 55%.' : 'Enter a number, such as 2,000,000, 1.5M or 0.5.');
  if (factor.integer && !Number.isInteger(n)) return refuse('Enter a whole number.');
  if (factor.min !== undefined && (factor.exclusiveMin ? n <= factor.min : n < factor.min)) {
    return refuse(factor.exclusiveMin ? `Enter a number above ${factor.min}.` : `Enter ${factor.min} or more.`);
  }
  if (factor.max !== undefined && n > factor.max) return refuse(`Enter ${factor.max} or less.`);
  return { ok: true, value: n };
}

/** What a refused entry leaves saved, said after its message. */
export function keptWords(value: number | undefined, dontKnow = false): string {
  if (value !== undefined) return `Not saved: still ${formatNumberAnswer(value)}.`;
  return dontKnow ? 'Not saved: still “don’t know yet”.' : 'Not saved.';
}

/** A saved number as its field shows it, in the system's own way of writing numbers ("30,000,000"). */
export function formatNumberAnswer(value: number | null): string {
  return value === null ? '' : value.toLocaleString(undefined, { maximumFractionDigits: 6 });
}
