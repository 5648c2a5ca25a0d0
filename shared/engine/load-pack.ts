import { compilePack, type CompiledPack } from './compiled-pack';
import type { EngineResult } from './engine-issue';
import { parsePack } from './parse-pack';

/** Validates and compiles a pack read from JSON. */
export function loadPack(raw: unknown): EngineResult<CompiledPack> {
  const parsed = parsePack(raw);
  return parsed.ok ? { ok: true, value: compilePack(parsed.value) } : parsed;
}
