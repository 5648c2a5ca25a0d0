import { lint } from 'markdownlint/sync';

/** markdownlint's default rules with line length off: one line per problem, empty when the files are clean. */
export function markdownProblems(files: Record<string, string>): string[] {
  const results = lint({ strings: files, config: { default: true, MD013: false } });
  return Object.entries(results).flatMap(([name, errors]) =>
    errors.map((e) => `${name}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}${e.errorContext ? ` [${e.errorContext}]` : ''}`),
  );
}
