import { parse, stringify } from 'yaml';

const FENCE = '---';

/** A Markdown front matter block ("---" YAML "---") for plain values and lists. */
export function writeFrontMatter(fields: Record<string, unknown>): string {
  return `${FENCE}\n${stringify(fields, { lineWidth: 0 })}${FENCE}`;
}

/** The YAML front matter of a Markdown file as an object, or null when it has none or it does not parse. */
export function readFrontMatter(markdown: string): Record<string, unknown> | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(markdown);
  if (!match) return null;
  try {
    const value: unknown = parse(match[1]!);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
