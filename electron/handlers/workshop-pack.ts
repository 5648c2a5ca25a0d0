import { fail, type ApiResult } from '../../shared/contract';
import type { Workshop, WorkshopPack, WorkshopState } from '../../shared/domain';
import { defaultPack, formatIssue, loadPack, type CompiledPack } from '../../shared/engine';
import type { HandlerDeps } from './deps';

export type Found<T> = ({ ok: true } & T) | { ok: false; result: ApiResult<never> };

/** Stored packs compiled once per process, by id, version and content hash: a page of packs need not compile them again. */
const compiled = new Map<string, CompiledPack>();

/**
 * A pack by id and version: the built-in one, or one from the library compiled again from its JSON. Its
 * expectations were checked on the way in, so only its shape is checked again; a failure means the database
 * changed behind the app.
 */
export function storedPack(deps: HandlerDeps, ref: WorkshopPack): Found<{ pack: CompiledPack }> {
  const builtIn = defaultPack();
  if (ref.id === builtIn.pack.id && ref.version === builtIn.pack.packVersion) return { ok: true, pack: builtIn };
  const stored = deps.packs.get(ref.id, ref.version);
  if (!stored) return { ok: false, result: fail('not-found', `There is no rule pack ${ref.id} ${ref.version} in this app.`) };
  // Every save reads the workshop's pack: its text is read only when it is not compiled yet.
  const key = `${stored.id}\u0000${stored.version}\u0000${stored.sha256}`;
  const cached = compiled.get(key);
  if (cached) return { ok: true, pack: cached };
  const content = deps.packs.content(ref.id, ref.version);
  if (content === null) return { ok: false, result: fail('not-found', `There is no rule pack ${ref.id} ${ref.version} in this app.`) };
  const loaded = loadPack(JSON.parse(content));
  if (!loaded.ok) return { ok: false, result: fail('storage', `The saved rule pack ${stored.title} ${ref.version} no longer reads: ${formatIssue(loaded.issues[0]!, 'the pack')}. Import it again.`) };
  compiled.set(key, loaded.value);
  return { ok: true, pack: loaded.value };
}

/**
 * Why the app cannot run workshops on a pack that loads, or null. Its steps are built around decisions for the
 * whole organisation (the records, the priorities' preview): a pack of use-case decisions only is for the command line.
 */
export function unfitForWorkshops(pack: CompiledPack, name: string): string | null {
  if (pack.organisationDecisions.length > 0) return null;
  return `${name} has no decision for the whole organisation (every decision has "scope": "use-case"), and a workshop records at least one: add one, or use the pack with the command line (stratum evaluate --pack).`;
}

/** The pack a workshop evaluates with: its team pack from the library, or the built-in one. */
export function packOfWorkshop(deps: HandlerDeps, workshop: Workshop): Found<{ pack: CompiledPack }> {
  if (!workshop.pack) return { ok: true, pack: defaultPack() };
  const found = storedPack(deps, workshop.pack);
  if (found.ok || found.result.ok || found.result.error.code !== 'not-found') return found;
  const { id, version } = workshop.pack;
  return {
    ok: false,
    result: fail('storage', `${workshop.title} evaluates with rule pack ${id} ${version}, which is no longer in this app's library: import that pack's file again on the Rule packs page.`),
  };
}

/** A workshop, its saved state and its pack, for a handler that reads all three. */
export function readWorkshop(deps: HandlerDeps, id: string): Found<{ workshop: Workshop; state: WorkshopState; pack: CompiledPack }> {
  const workshop = deps.workshops.get(id);
  if (!workshop) return { ok: false, result: fail('not-found', `There is no workshop with id ${id}.`) };
  const read = deps.workshopStates.get(id, workshop.createdAt);
  if (read.kind !== 'read') return { ok: false, result: fail('storage', read.message) };
  const pack = packOfWorkshop(deps, workshop);
  if (!pack.ok) return pack;
  return { ok: true, workshop, state: read.saved.state, pack: pack.pack };
}
