import { formatJsonPath, type JsonPath } from './json-path';

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
    text = String(value);
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
