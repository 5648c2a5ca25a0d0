import { jsonErrorWhere, stripBom } from '../../shared/util';
import { describeFsError } from '../export/export-folder';
import type { CliIo } from './cli-io';

/** A JSON document read from a file or stdin, or a message for a person. */
export type JsonRead = { ok: true; value: unknown; name: string } | { ok: false; message: string };

/** Reads and parses JSON from a path (or `-` for stdin), naming the file and the position of a syntax error. */
export function readJson(io: CliIo, path: string): JsonRead {
  const name = path === '-' ? '(stdin)' : path;
  let text: string;
  try {
    text = path === '-' ? io.readStdin() : io.readFile(path);
  } catch (error) {
    return { ok: false, message: `${name}: cannot read the file: ${describeFsError(error, 'read')}` };
  }
  text = stripBom(text);
  if (text.trim() === '') return { ok: false, message: `${name}: the file is empty; expected a JSON object` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, name };
  } catch (error) {
    const where = jsonErrorWhere(text, error);
    const detail = error instanceof Error ? error.message : String(error);
    const reason = detail.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    return { ok: false, message: `${name}: ${where ? `${where}: ` : ''}not valid JSON (${reason})` };
  }
}
