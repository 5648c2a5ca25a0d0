// General helpers shared/ and every process use, with no knowledge of the domain: hashing, canonical JSON, a seeded
// random source, JSON paths and parse errors, and "did you mean" for a mistyped id or key.
export { canonicalJson } from './canonical-json';
export { closestId, editDistance } from './closest-id';
export type { JsonPath } from './json-path';
export { formatJsonPath, jsonErrorWhere, stripBom, valueAtPath } from './json-path';
export { percent } from './percent';
export { createRandom } from './prng';
export { sha256Hex } from './sha256';
