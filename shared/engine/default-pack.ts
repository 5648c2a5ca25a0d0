import pack from '../packs/default.json';
import type { CompiledPack } from './compiled-pack';
import { formatIssue } from './engine-issue';
import { loadPack } from './load-pack';

let compiled: CompiledPack | undefined;

/** The raw default pack as shipped (plain JSON data). */
export function defaultPackJson(): unknown {
  return pack;
}

/** The default rule pack, validated and compiled once. */
export function defaultPack(): CompiledPack {
  if (!compiled) {
    const loaded = loadPack(pack);
    // The shipped pack is checked by the tests; failing here is a bug, not a user error.
    if (!loaded.ok) throw new Error(`The default pack is invalid:\n${loaded.issues.map((i) => formatIssue(i, 'default.json')).join('\n')}`);
    compiled = loaded.value;
  }
  return compiled;
}
