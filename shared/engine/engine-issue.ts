import { formatJsonPath, type JsonPath } from '../util/json-path';

/** One problem a person caused in a pack or answers file: where, what was found, what is allowed. */
export interface EngineIssue {
  path: JsonPath;
  message: string;
  found?: string;
  allowed?: string;
  suggestion?: string;
}

/** A value, or the problems that stopped it being made. */
export type EngineResult<T> = { ok: true; value: T } | { ok: false; issues: EngineIssue[] };

const MAX_FOUND = 80;

/** A short, readable rendering of a value for "found: …". */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deep to write out (or a cycle): say what it is instead; String() of an array would recurse as deep.
    text = Array.isArray(value) ? 'an array' : typeof value === 'object' && value !== null ? 'an object' : typeof value;
  }
  return text.length > MAX_FOUND ? `${text.slice(0, MAX_FOUND - 1)}…` : text;
}

/** Lists allowed values as a sentence fragment, abbreviating long lists. */
export function describeAllowed(values: ReadonlyArray<string | number | boolean>, max = 12): string {
  // Each value is cut like a found value, so an oversized id in a file cannot blow up the message.
  const shown = values.slice(0, max).map((v) => {
    const text = typeof v === 'string' ? v : String(v);
    return text.length > MAX_FOUND ? `${text.slice(0, MAX_FOUND - 1)}…` : text;
  });
  const rest = values.length - shown.length;
  return `one of ${shown.join(', ')}${rest > 0 ? ` (and ${rest} more)` : ''}`;
}

/** One line per issue: `file: $.path: message; found: …; allowed: …; did you mean "…"?`. */
export function formatIssue(issue: EngineIssue, file?: string): string {
  const parts = [`${file ? `${file}: ` : ''}${formatJsonPath(issue.path)}: ${issue.message}`];
  if (issue.found !== undefined) parts.push(`found: ${issue.found}`);
  if (issue.allowed !== undefined) parts.push(`allowed: ${issue.allowed}`);
  if (issue.suggestion !== undefined) parts.push(`did you mean "${issue.suggestion}"?`);
  return parts.join('; ');
}

/** A failed result. */
export function failWith<T>(issues: EngineIssue[]): EngineResult<T> {
  return { ok: false, issues };
}

/** How deeply arrays and objects may nest in any file or request Stratum reads; its own files need fewer than 12 levels. */
export const MAX_JSON_NESTING = 64;

/** The path shown for a too-deep value: its first levels, so the message stays short. */
const NESTING_PATH_SHOWN = 6;

/**
 * An issue when arrays and objects nest more than `max` levels anywhere in a parsed JSON value, else null.
 * Checked before anything else reads the value, so no later step (validation, describing what was found)
 * can run out of stack on a hostile file or request. Walks iteratively, in time linear in the size of the
 * value (a path is worked out only for the place found too deep), and stops at the first place too deep.
 */
export function jsonNestingIssue(value: unknown, max = MAX_JSON_NESTING): EngineIssue | null {
  if (value === null || typeof value !== 'object') return null;
  // Each container on the stack with its depth and where it came from (its parent's entry and its key).
  const nodes: object[] = [value];
  const depths: number[] = [0];
  const entries: number[] = [-1];
  const parents: number[] = [];
  const keys: (string | number)[] = [];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    const entry = entries.pop()!;
    for (const key in node) {
      // Own keys only; for an array, its indexes (a sparse array's holes hold nothing and are not visited).
      if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
      const child = (node as Record<string, unknown>)[key];
      if (child === null || typeof child !== 'object') continue;
      parents.push(entry);
      keys.push(Array.isArray(node) ? Number(key) : key);
      if (depth + 1 >= max) return nestingIssue(parents, keys, parents.length - 1, max);
      nodes.push(child);
      depths.push(depth + 1);
      entries.push(parents.length - 1);
    }
  }
  return null;
}

function nestingIssue(parents: readonly number[], keys: readonly (string | number)[], last: number, max: number): EngineIssue {
  const path: (string | number)[] = [];
  for (let at = last; at !== -1; at = parents[at]!) path.unshift(keys[at]!);
  return {
    path: path.slice(0, NESTING_PATH_SHOWN),
    message: `nests arrays and objects more than ${max} levels deep${path.length > NESTING_PATH_SHOWN ? ' below this point' : ''}`,
    allowed: `at most ${max} levels (Stratum's own files need far fewer)`,
  };
}
