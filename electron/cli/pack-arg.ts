import { formatIssue, loadPack, type CompiledPack } from '../../shared/engine';
import type { CliIo } from './cli-io';
import { readJson } from './read-json';

/**
 * The --pack file's pack; undefined without --pack (the input's own: see readInput); null after reporting a
 * problem on stderr.
 */
export function loadPackArg(io: CliIo, path: string | undefined): CompiledPack | undefined | null {
  if (path === undefined) return undefined;
  const read = readJson(io, path);
  if (!read.ok) {
    io.stderr(`stratum: ${read.message}`);
    return null;
  }
  const loaded = loadPack(read.value);
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr(`stratum: ${formatIssue(issue, read.name)}`);
    return null;
  }
  return loaded.value;
}
