import type { CompiledPack } from './compiled-pack';
import type { EngineIssue, EngineResult } from './engine-issue';
import { loadPack } from './load-pack';
import { checkMonotonicExpectations } from './monotonic-expectations';

/** Seeded workshops each monotonic expectation is tried on when a pack is checked. */
export const PACK_EXPECTATION_SAMPLES = 300;

/**
 * A pack as `stratum pack validate` and the app's pack import check it: its shape, every id it refers to and every
 * value against its factor's domain (loadPack), then each monotonic expectation it declares over seeded workshops.
 */
export function validatePack(raw: unknown): EngineResult<CompiledPack> {
  const loaded = loadPack(raw);
  return loaded.ok ? checkPackExpectations(loaded.value) : loaded;
}

/** The second half of validatePack, for a pack that loaded: each monotonic expectation it declares, over seeded workshops. */
export function checkPackExpectations(pack: CompiledPack): EngineResult<CompiledPack> {
  const expectations = pack.pack.expectations?.monotonic ?? [];
  const issues: EngineIssue[] = checkMonotonicExpectations(pack, { samples: PACK_EXPECTATION_SAMPLES }).map((v) => ({
    path: ['expectations', 'monotonic', expectations.findIndex((x) => x.id === v.expectation)],
    message: `monotonic expectation "${v.expectation}" does not hold: raising from ${JSON.stringify(v.lower)} to ${JSON.stringify(v.higher)}, ${v.detail}`,
    found: `a counter-example with answers ${JSON.stringify(v.answers)} and weights ${JSON.stringify(v.weights)}`,
    allowed: 'rules whose effects never favour that option as the factor rises',
  }));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: pack };
}
