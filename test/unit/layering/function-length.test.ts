// No function in the product's source runs over 120 lines: a longer one is split into named parts (ARCHITECTURE.md).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const MAX_LINES = 120;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Every function (declaration, method, arrow or expression) longer than `max` lines in a file, with where it starts. */
function longFunctions(file: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > max) found.push(`${file}:${start + 1} (${end - start + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  it('finds a function over the limit (the check itself works)', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const a${i} = ${i};`).join('\n');
    expect(longFunctions('long.ts', `export function long() {\n${body}\n}\n`, MAX_LINES)).toEqual([`long.ts:1 (${MAX_LINES + 2} lines)`]);
    expect(longFunctions('short.tsx', 'export const Short = () => <p>short</p>;\n', MAX_LINES)).toEqual([]);
  });

  it(`holds no function over ${MAX_LINES} lines in shared/, electron/ or renderer/`, () => {
    const files = ['shared', 'electron', 'renderer'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => longFunctions(f, fs.readFileSync(path.join(root, f), 'utf8'), MAX_LINES))).toEqual([]);
  });
});
