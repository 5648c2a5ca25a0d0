import { fail, ok, type ApiResult, type ImportedPack, type ImportPackInput, type PackComparison, type PackRef, type PackSummary, type StoredPack } from '../../shared/contract';
import { comparePacks, defaultPack, formatIssue, loadPack, packFingerprint, checkPackExpectations, type EngineIssue, type Pack } from '../../shared/engine';
import { jsonErrorWhere, stripBom } from '../../shared/util';
import { sniffFileKind } from '../../shared/records';
import type { HandlerDeps } from './deps';
import { storedPack, unfitForWorkshops } from './workshop-pack';

/** At most this many of a refused pack's problems are listed in the message; the rest are counted. */
const ISSUES_SHOWN = 5;

export function summary(pack: Pack, stored: StoredPack | null, usedBy = 0): PackSummary {
  return {
    id: pack.id,
    version: pack.packVersion,
    sha256: stored?.sha256 ?? packFingerprint(pack),
    title: pack.title,
    description: pack.description,
    builtIn: stored === null,
    author: pack.author ?? (stored === null ? 'Stratum' : null),
    fileName: stored?.fileName ?? null,
    importedAt: stored?.importedAt ?? null,
    rules: pack.rules.length,
    decisions: pack.decisions.length,
    usedBy,
  };
}

/** How many workshops (archived ones too) evaluate with each pack, by id and version; the built-in pack under "". */
export function packUse(deps: HandlerDeps): (id: string, version: string, builtIn: boolean) => number {
  const counts = new Map<string, number>();
  for (const w of deps.workshops.list({ includeArchived: true })) {
    const key = w.pack ? `${w.pack.id}\u0000${w.pack.version}` : '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (id, version, builtIn) => counts.get(builtIn ? '' : `${id}\u0000${version}`) ?? 0;
}

/** The built-in pack first, then the team's packs by id, newest import first. */
export function listPacks(deps: HandlerDeps): ApiResult<PackSummary[]> {
  const used = packUse(deps);
  const builtIn = defaultPack().pack;
  const out: PackSummary[] = [summary(builtIn, null, used(builtIn.id, builtIn.packVersion, true))];
  for (const stored of deps.packs.list()) {
    const loaded = storedPack(deps, stored);
    const usedBy = used(stored.id, stored.version, false);
    // A pack that no longer reads is still listed (so it can be removed), as what the library recorded of it.
    out.push(loaded.ok ? summary(loaded.pack.pack, stored, usedBy) : { ...stored, builtIn: false, author: null, rules: 0, decisions: 0, usedBy });
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
    if (existing.sha256 === sha256) return ok({ pack: summary(pack, existing, deps.workshops.usingPack(pack.id, pack.packVersion).length), outcome: 'existing' });
    return fail('conflict', `The library already has another pack ${pack.id} ${pack.packVersion}, “${existing.title}” (imported from ${existing.fileName}); give this one a new "packVersion" (such as a higher version) to keep both.`);
  }
  const unfit = unfitForWorkshops(loaded.value, name);
  if (unfit) return fail('invalid-input', `${unfit} Nothing was imported.`);
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
  const loaded = storedPack(deps, input);
  if (!loaded.ok) return loaded.result;
  return ok(comparePacks(defaultPack().pack, loaded.pack.pack));
}

/**
 * Removes a team's pack from the library; the built-in pack stays, and so does a pack a workshop evaluates with
 * (archived ones too). Answers the library as it is afterwards.
 */
export function removePack(deps: HandlerDeps, input: PackRef): ApiResult<PackSummary[]> {
  const builtIn = defaultPack().pack;
  if (input.id === builtIn.id) return fail('invalid-input', `${builtIn.title} is built in and cannot be removed.`);
  const users = deps.workshops.usingPack(input.id, input.version);
  if (users.length > 0) {
    const shown = users.slice(0, 3).map((w) => `“${w.title}”${w.archived ? ' (archived)' : ''}`);
    const more = users.length > shown.length ? ` and ${users.length - shown.length} more` : '';
    const one = users.length === 1;
    return fail(
      'conflict',
      `${input.id} ${input.version} cannot be removed: ${one ? 'a workshop evaluates' : `${users.length} workshops evaluate`} with it (${shown.join(', ')}${more}). Move ${one ? 'it' : 'them'} to another version of the pack first.`,
    );
  }
  if (!deps.packs.remove(input.id, input.version)) return fail('not-found', `There is no rule pack ${input.id} ${input.version} in this app.`);
  return listPacks(deps);
}
