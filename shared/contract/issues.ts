import type { z } from 'zod';
import type { FieldIssue } from './result';

/** A field's path as a field issue names it: dotted ("answers.region"), or "request" for the whole request. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? 'request' : path.map(String).join('.');
}

/** Turns zod issues into field issues with a dotted path and a sentence naming what is allowed. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: fieldPath(issue.path),
    message: issue.message,
  }));
}

/** The issues as one sentence fragment: "title is required; date must be …". */
export function describeIssues(issues: FieldIssue[]): string {
  // Our own messages are predicates ("is required"); zod's defaults are sentences ("Unrecognized key …").
  return issues.map((i) => (/^[a-z]/.test(i.message) ? `${i.path} ${i.message}` : `${i.path}: ${i.message}`)).join('; ');
}
