/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** An HTML table; headers are plain text, cells are HTML already (escape them with escapeHtml). */
export function htmlTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, className?: string): string {
  const head = `<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</tbody>`;
  return `<table${className ? ` class="${escapeHtml(className)}"` : ''}>\n${head}\n${body}\n</table>`;
}

/** A bulleted list of HTML items. */
export function htmlList(items: readonly string[]): string {
  return `<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`;
}

/**
 * The stack diagram ready to inline: the XML prolog removed. Null when it carries anything active or remote
 * (scripts, event handlers, foreign objects, external links): the report must stay inert and offline.
 */
export function inlineSvg(svg: string): string | null {
  const body = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').trim();
  if (!body.startsWith('<svg')) return null;
  if (/<script|<foreignObject|<iframe|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?!#)[a-z][a-z0-9+.-]*:|url\(\s*["']?\s*(?!#)[a-z][a-z0-9+.-]*:|@import/i.test(body)) return null;
  return body;
}
