import type { z } from 'zod';
import type { FieldIssue } from './result';

/** Turns zod issues into field issues with a dotted path and a sentence naming what is allowed. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? 'request' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** The issues as one sentence fragment: "title is required; date must be …". */
export function describeIssues(issues: FieldIssue[]): string {
  // Our own messages are predicates ("is required"); zod's defaults are sentences ("Unrecognized key …").
  return issues.map((i) => (/^[a-z]/.test(i.message) ? `${i.path} ${i.message}` : `${i.path}: ${i.message}`)).join('; ');
}
