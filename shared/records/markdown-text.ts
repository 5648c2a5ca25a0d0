// Text from people and packs goes into Markdown: escape what would otherwise become markup or HTML.

/**
 * Inline Markdown for plain text: whitespace collapsed, markup characters escaped, and (unless the text goes
 * mid-line, as in a link's text) a leading block marker defused.
 */
export function mdText(text: string, lineStart = true): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const escaped = flat
    .replace(/[\\`*_[\]<>|~@]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // Break bare URLs so no renderer turns them into links: "http\://", "www\.".
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
  if (!lineStart) return escaped;
  // At the start of a line "# ", "- ", "+ ", "1. " or a run of "=" or "-" would start a heading, list or rule.
  return escaped
    .replace(/^(#{1,6}|[+-])(?= |$)/, '\\$1')
    .replace(/^(\d+)([.)])(?= |$)/, '$1\\$2')
    .replace(/^([=-])(?=[=-]*$)/, '\\$1');
}

/** Inline code for an identifier (ids never contain backticks; any that do are dropped). */
export function mdCode(text: string): string {
  return `\`${text.replace(/`/g, '')}\``;
}

/** A Markdown table; cells are Markdown already (use mdText), headers are plain text. */
export function mdTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: ReadonlyArray<'left' | 'right'>): string {
  // An empty cell is "| |": one space either side would read as extra padding (markdownlint MD060).
  const line = (cells: readonly string[]) => `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
  const rule = headers.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [line(headers.map((h) => mdText(h))), line(rule), ...rows.map(line)].join('\n');
}

/** A bulleted list in MADR's style ("* "); items are Markdown already. */
export function mdList(items: readonly string[]): string {
  return items.map((item) => `* ${item}`).join('\n');
}

/** Joins Markdown blocks with one blank line between them and a single newline at the end. */
export function mdBlocks(blocks: ReadonlyArray<string | null | false | undefined>): string {
  return `${blocks.filter((b): b is string => typeof b === 'string' && b.length > 0).join('\n\n')}\n`;
}
