import { canonicalJson } from '../util/canonical-json';
import type { Pack } from './pack-schema';
import { sha256Hex } from '../util/sha256';

/** SHA-256 of the pack's canonical JSON (sorted keys, no whitespace): the same rules give the same hash however the file is formatted. */
export function packFingerprint(pack: Pack): string {
  return sha256Hex(canonicalJson(pack));
}
