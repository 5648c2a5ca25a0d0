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

/** What the stack diagram is drawn with: shapes, text and groups. Nothing that runs, embeds, links or styles. */
const SVG_ELEMENTS = new Set(['svg', 'title', 'desc', 'defs', 'marker', 'g', 'path', 'rect', 'line', 'circle', 'ellipse', 'polygon', 'polyline', 'text', 'tspan']);

/** Elements that hold text only: an element inside them would be read as HTML by a browser. */
const TEXT_ONLY = new Set(['title', 'desc']);

/** Attributes whose value is free text (names, labels, ids): they never load or run anything, so any escaped text goes. */
const TEXT_ATTRIBUTES = new Set(['id', 'role', 'aria-label', 'aria-labelledby', 'font-family']);

/** Geometry and presentation attributes: their values are numbers, colours, keywords and links to the diagram's own markers. */
const SHAPE_ATTRIBUTES = new Set([
  'width', 'height', 'viewBox', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'transform',
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity', 'fill-opacity', 'stroke-opacity',
  'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline',
  'refX', 'refY', 'markerWidth', 'markerHeight', 'orient', 'marker-start', 'marker-mid', 'marker-end',
]);

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * A tag: its name, its double-quoted attributes (no raw "<" or quote inside), self-closed or not. Whitespace is XML's
 * four characters, which HTML reads as whitespace too (JavaScript's \s takes in more, such as the no-break space).
 */
const TAG = /<(\/?)([A-Za-z][\w-]*)((?:[ \t\n\r]+[A-Za-z][\w:-]*="[^"<]*")*)[ \t\n\r]*(\/?)>/y;
const ATTRIBUTE = /[ \t\n\r]+([A-Za-z][\w:-]*)="([^"<]*)"/g;

/** A geometry or presentation value: no quotes, entities, colons or slashes, and "url(" only for a reference inside the diagram. */
function shapeValueIsInert(value: string): boolean {
  const rest = value.replace(/url\(#[\w.-]+\)/g, '');
  return /^[-#\w .,%()]*$/.test(rest) && !/url/i.test(rest);
}

function attributesAreInert(attributes: string): boolean {
  for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) {
    if (name === 'xmlns') {
      if (value !== SVG_NAMESPACE) return false;
    } else if (!TEXT_ATTRIBUTES.has(name!) && !(SHAPE_ATTRIBUTES.has(name!) && shapeValueIsInert(value!))) return false;
  }
  return true;
}

/**
 * The stack diagram ready to inline: the XML prolog removed. Null when its markup carries anything active or remote
 * (scripts, event handlers, styles, foreign objects, links) or is not plain well-nested SVG: the report must stay inert
 * and offline. Only the markup is checked, tag by tag against what the diagram is drawn with; text between tags and
 * text attribute values are the room's own words, escaped where the diagram was written, so any title passes.
 */
export function inlineSvg(svg: string): string | null {
  const body = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').trim();
  if (!body.startsWith('<svg')) return null;
  const open: string[] = [];
  let i = 0;
  for (;;) {
    const lt = body.indexOf('<', i);
    // Text outside the root element, or a root element never closed.
    if (lt < 0) return open.length === 0 && body.slice(i).trim() === '' ? body : null;
    if (open.length === 0 && i > 0) return null;
    TAG.lastIndex = lt;
    const tag = TAG.exec(body);
    // A comment, CDATA section, doctype, processing instruction or malformed tag.
    if (!tag) return null;
    const [, closing, name, attributes, selfClosing] = tag;
    if (!SVG_ELEMENTS.has(name!)) return null;
    if (closing) {
      if (attributes || selfClosing || open.pop() !== name) return null;
    } else {
      if (TEXT_ONLY.has(open[open.length - 1] ?? '') || !attributesAreInert(attributes!)) return null;
      if (open.length === 0 && (name !== 'svg' || lt > 0)) return null;
      if (!selfClosing) open.push(name!);
    }
    i = TAG.lastIndex;
  }
}
