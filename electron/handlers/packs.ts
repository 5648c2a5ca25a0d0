import { fail, ok, type ApiResult, type ImportedPack, type ImportPackInput, type PackComparison, type PackRef, type PackSummary, type StoredPack } from '../../shared/contract';
import { comparePacks, defaultPack, formatIssue, jsonErrorWhere, loadPack, packFingerprint, stripBom, checkPackExpectations, type CompiledPack, type EngineIssue, type Pack } from '../../shared/engine';
import { sniffFileKind } from '../../shared/records';
import type { HandlerDeps } from './deps';

/** At most this many of a refused pack's problems are listed in the message; the rest are counted. */
const ISSUES_SHOWN = 5;

function summary(pack: Pack, stored: StoredPack | null): PackSummary {
  return {
    id: pack.id,
    version: pack.packVersion,
    sha256: stored?.sha256 ?? packFingerprint(pack),
    title: pack.title,
    description: pack.description,
    builtIn: stored === null,
    fileName: stored?.fileName ?? null,
    importedAt: stored?.importedAt ?? null,
    rules: pack.rules.length,
    decisions: pack.decisions.length,
  };
}

/** Stored packs compiled once per process, by id, version and content hash: a page of packs need not compile them again. */
const compiled = new Map<string, CompiledPack>();

/**
 * A pack by id and version: the built-in one, or a stored one compiled again from its JSON. Its expectations were
 * checked on the way in, so only its shape is checked again; a failure means the database changed behind the app.
 */
function loadStored(deps: HandlerDeps, ref: PackRef): { ok: true; pack: CompiledPack } | { ok: false; result: ApiResult<never> } {
  const builtIn = defaultPack();
  if (ref.id === builtIn.pack.id && ref.version === builtIn.pack.packVersion) return { ok: true, pack: builtIn };
  const stored = deps.packs.get(ref.id, ref.version);
  const content = stored ? deps.packs.content(ref.id, ref.version) : null;
  if (!stored || content === null) return { ok: false, result: fail('not-found', `There is no rule pack ${ref.id} ${ref.version} in this app.`) };
  const key = `${stored.id}\u0000${stored.version}\u0000${stored.sha256}`;
  const cached = compiled.get(key);
  if (cached) return { ok: true, pack: cached };
  const loaded = loadPack(JSON.parse(content));
  if (!loaded.ok) return { ok: false, result: fail('storage', `The saved rule pack ${stored.title} ${ref.version} no longer reads: ${formatIssue(loaded.issues[0]!, 'the pack')}. Import it again.`) };
  compiled.set(key, loaded.value);
  return { ok: true, pack: loaded.value };
}

/** The built-in pack first, then the team's packs by id, newest import first. */
export function listPacks(deps: HandlerDeps): ApiResult<PackSummary[]> {
  const out: PackSummary[] = [summary(defaultPack().pack, null)];
  for (const stored of deps.packs.list()) {
    const loaded = loadStored(deps, stored);
    // A pack that no longer reads is still listed (so it can be removed), as what the library recorded of it.
    out.push(loaded.ok ? summary(loaded.pack.pack, stored) : { ...stored, builtIn: false, rules: 0, decisions: 0 });
  }
  return ok(out);
}

/**
 * Adds a pack file to the library, checked as `stratum pack validate` checks it; nothing is written unless all of
 * it is right. The same pack again is `existing`; another pack under the same id and version, or under the
 * built-in pack's id, is refused with what to change.
 */
export function importPack(deps: HandlerDeps, input: ImportPackInput): ApiResult<ImportedPack> {
  const name = input.fileName.trim() || 'The file';
  const text = stripBom(input.content);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // Never the file's bytes in the message: what it seems to be, or where its JSON breaks.
    const kind = sniffFileKind(text);
    const where = jsonErrorWhere(text, e);
    return fail('invalid-input', kind ? `${name} is ${kind}, not a Stratum rule pack.` : `${name} is not a Stratum rule pack: it is not valid JSON${where ? ` (${where})` : ''}.`);
  }
  const refused = (issues: readonly EngineIssue[]) => {
    const shown = issues.slice(0, ISSUES_SHOWN).map((i) => formatIssue(i, name));
    const more = issues.length - shown.length;
    return fail('invalid-input', `${name} is not a valid rule pack; nothing was imported.\n${shown.join('\n')}${more > 0 ? `\n… and ${more} more (stratum pack validate lists them all).` : ''}`);
  };
  // Checked as validatePack checks it, with the quick questions of identity asked before its expectations are searched.
  const loaded = loadPack(raw);
  if (!loaded.ok) return refused(loaded.issues);
  const pack = loaded.value.pack;
  const sha256 = packFingerprint(pack);
  const builtIn = defaultPack().pack;
  if (pack.id === builtIn.id) {
    return fail('invalid-input', `${name} uses the id of the built-in pack (${builtIn.id}), which cannot be replaced; give your pack its own "id" (for example "${builtIn.id}-our-team").`);
  }
  const existing = deps.packs.get(pack.id, pack.packVersion);
  if (existing) {
    // The same pack passed every check when it was imported.
    if (existing.sha256 === sha256) return ok({ pack: summary(pack, existing), outcome: 'existing' });
    return fail('conflict', `The library already has another pack ${pack.id} ${pack.packVersion}, “${existing.title}” (imported from ${existing.fileName}); give this one a new "packVersion" (such as a higher version) to keep both.`);
  }
  const checked = checkPackExpectations(loaded.value);
  if (!checked.ok) return refused(checked.issues);
  const stored: StoredPack = {
    id: pack.id,
    version: pack.packVersion,
    sha256,
    title: pack.title,
    description: pack.description,
    fileName: input.fileName.trim(),
    importedAt: deps.clock().toISOString(),
  };
  deps.packs.insert(stored, JSON.stringify(raw));
  return ok({ pack: summary(pack, stored), outcome: 'new' });
}

/** What a pack in the library changes against the built-in one. */
export function comparePack(deps: HandlerDeps, input: PackRef): ApiResult<PackComparison> {
  const loaded = loadStored(deps, input);
  if (!loaded.ok) return loaded.result;
  return ok(comparePacks(defaultPack().pack, loaded.pack.pack));
}

/** Removes a team's pack from the library; the built-in pack stays. Answers the library as it is afterwards. */
export function removePack(deps: HandlerDeps, input: PackRef): ApiResult<PackSummary[]> {
  const builtIn = defaultPack().pack;
  if (input.id === builtIn.id) return fail('invalid-input', `${builtIn.title} is built in and cannot be removed.`);
  if (!deps.packs.remove(input.id, input.version)) return fail('not-found', `There is no rule pack ${input.id} ${input.version} in this app.`);
  return listPacks(deps);
}
