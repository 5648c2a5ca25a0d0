import type { z } from 'zod';
import { describeAllowed, describeFound, type EngineIssue } from './engine-issue';
import { valueAtPath, type JsonPath } from '../util/json-path';
import { closestId } from '../util/closest-id';

/** Marker put in the message of strict objects' unknown-key issues, followed by the allowed keys. */
export const ALLOWED_KEYS_MARKER = 'allowed keys: ';

function nounFor(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'an object';
    case 'int':
      return 'a whole number';
    default:
      return expected;
  }
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string }, big: boolean): string {
  const limit = String(big ? issue.maximum : issue.minimum);
  const op = big ? (issue.inclusive ? 'at most' : 'less than') : issue.inclusive ? 'at least' : 'more than';
  if (issue.origin === 'array') return `${op} ${limit} item(s)`;
  if (issue.origin === 'string') return `${op} ${limit} character(s)`;
  return `a number ${op} ${limit}`;
}

/** Turns zod issues into engine issues with the JSON path, the value found and what is allowed. */
export function fromZodIssues(error: z.ZodError, input: unknown, prefix: JsonPath = []): EngineIssue[] {
  const out: EngineIssue[] = [];
  for (const issue of error.issues) {
    const path: JsonPath = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    const found = valueAtPath(input, issue.path.map((p) => (typeof p === 'number' ? p : String(p))));
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowedList = issue.message.startsWith(ALLOWED_KEYS_MARKER)
          ? issue.message.slice(ALLOWED_KEYS_MARKER.length).split(', ')
          : [];
        for (const key of issue.keys) {
          const suggestion = closestId(key, allowedList);
          out.push({
            path: [...path, key],
            message: 'unknown field',
            found: JSON.stringify(key),
            allowed: allowedList.length > 0 ? describeAllowed(allowedList, 20) : 'no other fields',
            ...(suggestion ? { suggestion } : {}),
          });
        }
        break;
      }
      case 'invalid_type':
        out.push({
          path,
          message: found === undefined ? 'required field is missing' : `must be ${nounFor(issue.expected)}`,
          found: describeFound(found),
          allowed: nounFor(issue.expected),
        });
        break;
      case 'invalid_value':
        out.push({
          path,
          message: 'value not allowed',
          found: describeFound(found),
          allowed: describeAllowed(issue.values.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v)))),
        });
        break;
      case 'too_big':
      case 'too_small':
        out.push({
          path,
          // A schema's own words for its limit (zod's default starts "Too big"/"Too small").
          message: /^Too (big|small)/.test(issue.message) ? 'out of range' : issue.message,
          // A list is described by its length, not by its first entries.
          found: Array.isArray(found) ? `${found.length} ${found.length === 1 ? 'entry' : 'entries'}` : describeFound(found),
          allowed: bound(issue, issue.code === 'too_big'),
        });
        break;
      case 'invalid_union': {
        const options = (issue as { options?: unknown[] }).options;
        if (Array.isArray(options)) {
          out.push({ path, message: found === undefined ? 'required field is missing' : 'unknown kind', found: describeFound(found), allowed: describeAllowed(options.map(String)) });
          break;
        }
        out.push({ path, message: 'does not match any allowed form', found: describeFound(found) });
        break;
      }
      default:
        out.push({ path, message: issue.message, found: describeFound(found) });
    }
  }
  return out;
}
