/** A parsed XML element: enough to check structure and ids in tests. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;

/** A character XML 1.0 does not allow anywhere (Char production), raw or as a character reference. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function checkText(text: string, where: number): void {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    const ref = ENTITY.exec(text.slice(i));
    if (!ref) throw new Error(`bad entity reference at ${where + i}`);
    const num = /^&#(x?)([0-9A-Fa-f]+);/.exec(ref[0]);
    if (num && !isXmlChar(parseInt(num[2]!, num[1] ? 16 : 10))) throw new Error(`reference to a character XML does not allow at ${where + i}`);
  }
  if (text.includes('<')) throw new Error(`"<" in text or attribute at ${where}`);
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} XML does not allow at ${where + bad.index}`);
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

/** A small well-formedness check (prolog, comments, elements, attributes, entities, nesting); throws on the first error. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  if (xml.startsWith('<?xml')) {
    i = xml.indexOf('?>');
    if (i < 0) throw new Error('unterminated XML declaration');
    i += 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    checkText(text, i);
    if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root element at ${i}`);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      const top = stack.pop();
      if (!m || !top || top.name !== m[0]) throw new Error(`mismatched end tag ${m?.[0] ?? '?'} at ${i} (open: ${top?.name ?? 'none'})`);
      i += 2 + m[0].length;
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml[i] !== '>') throw new Error(`bad end tag at ${i}`);
      i++;
      continue;
    }
    const m = NAME.exec(xml.slice(i + 1));
    if (!m) throw new Error(`bad tag at ${i}`);
    const el: XmlElement = { name: m[0], attributes: {}, children: [] };
    i += 1 + m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0].length;
      i += ws;
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (ws === 0) throw new Error(`missing space before attribute at ${i}`);
      const a = NAME.exec(xml.slice(i));
      if (!a) throw new Error(`bad attribute at ${i}`);
      i += a[0].length;
      if (xml[i] !== '=') throw new Error(`attribute without value at ${i}`);
      const q = xml[i + 1];
      if (q !== '"' && q !== "'") throw new Error(`unquoted attribute at ${i}`);
      const end = xml.indexOf(q, i + 2);
      if (end < 0) throw new Error('unterminated attribute');
      const raw = xml.slice(i + 2, end);
      checkText(raw, i + 2);
      if (a[0] in el.attributes) throw new Error(`duplicate attribute ${a[0]} at ${i}`);
      el.attributes[a[0]] = decode(raw);
      i = end + 1;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (xml.startsWith('/>', i)) i += 2;
    else {
      i += 1;
      stack.push(el);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed element ${stack[stack.length - 1]!.name}`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element in document order. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}
