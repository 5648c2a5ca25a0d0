/** A location inside a JSON document: object keys and array indexes from the root. */
export type JsonPath = ReadonlyArray<string | number>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Writes a path the way people read JSON paths: `$.rules[3].when.all[0].factor`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** The value found at a path, or undefined when the path does not exist. */
export function valueAtPath(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** JSON text without the byte-order mark a Windows editor may put before it (the mark is not part of the JSON). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Where JSON.parse stopped in `text`, as "line L, column C", or null when its error names no position. */
export function jsonErrorWhere(text: string, error: unknown): string | null {
  const detail = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(detail);
  if (!at) return null;
  const position = Number(at[1]);
  const before = text.slice(0, position);
  return `line ${before.split('\n').length}, column ${position - before.lastIndexOf('\n')}`;
}
