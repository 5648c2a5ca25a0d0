import { fail, ok, type ApiResult, type ImportWorkshopInput, type ImportedWorkshop } from '../../shared/contract';
import { type Workshop, type WorkshopPack } from '../../shared/domain';
import { checkPackExpectations, defaultPack, formatIssue, packFingerprint, type CompiledPack, type EngineIssue } from '../../shared/engine';
import { canonicalJson, formatJsonPath } from '../../shared/util';
import { inCarriedPack, isNamedPack, loadCarriedPack, packMismatch, parseWorkshopFile, proposedRecord, type WorkshopFile } from '../../shared/records';
import type { StoredPack } from '../../shared/contract';
import type { HandlerDeps } from './deps';
import { storedPack, unfitForWorkshops, type Found } from './workshop-pack';

/** The details a person edits: a file whose details differ from the stored ones holds other changes. */
const DETAILS = ['title', 'organisation', 'facilitator', 'date', 'description'] as const;

/**
 * Opens an exported workshop file as a workshop: all of it or nothing, never replacing anything saved.
 * - The workshop is not here: it is added with the file's id (`new`).
 * - It is here and holds exactly what the file holds: nothing is written and it is shown as it is
 *   (`existing`); if it was archived, it is restored (`restored`), since whoever opens a file means to see it.
 * - It is here with other changes: the file comes in as a copy with a new id and "(copy)" title (`copy`).
 */
export function importWorkshop(deps: HandlerDeps, input: ImportWorkshopInput): ApiResult<ImportedWorkshop> {
  const name = input.fileName ?? 'the file';
  const parsed = parseWorkshopFile(input.content);
  if (!parsed.ok) {
    const issues = parsed.issues.map((i) => ({
      path: formatJsonPath(i.path),
      message: [i.message, i.found !== undefined ? `found: ${i.found}` : '', i.allowed !== undefined ? `allowed: ${i.allowed}` : ''].filter(Boolean).join('; '),
    }));
    // When the lead says what the file is (not JSON, another format, another version), details would repeat it.
    const details = isAboutTheFile(parsed.issues) ? '' : ` Details: ${issues.map((i) => `${i.path}: ${i.message}`).join(' · ')}`;
    return fail('invalid-input', `${name} could not be opened: ${importLead(parsed.issues)}${details}`, issues);
  }
  const file = parsed.value;
  const packed = packForFile(deps, file, name);
  if (!packed.ok) return packed.result;
  const problem = deps.checkState(file.state, packed.pack);
  if (problem && !problem.ok) {
    return fail('invalid-input', `${name} does not fit ${packed.ref ? `rule pack ${packed.pack.pack.title} ${packed.ref.version}` : "this Stratum's rule pack"}: ${problem.error.message}`, problem.error.issues);
  }
  const at: FilePack = { ref: packed.ref, pack: packed.pack };
  // One transaction: what is compared is what is there when the copy (or the restore) is written.
  return deps.db.transaction((): ApiResult<ImportedWorkshop> => {
    if (packed.add && !deps.packs.get(packed.add.stored.id, packed.add.stored.version)) deps.packs.insert(packed.add.stored, packed.add.content);
    const noted = (w: Omit<ImportedWorkshop, 'packNote'>): ImportedWorkshop => ({ ...w, packNote: packed.note });
    const existing = deps.workshops.get(file.workshop.id);
    if (existing && holdsExactly(deps, existing, file, at)) return ok(noted(shownAsItIs(deps, existing)));
    // Opened again, unchanged: the copy made the first time is shown, not a second identical one.
    const earlier = existing ? earlierCopy(deps, file, at) : null;
    if (earlier) return ok(noted(shownAsItIs(deps, earlier)));
    return ok(noted(insertFile(deps, file, existing !== null, at.ref)));
  })();
}

/** The pack a file's workshop evaluates with here: null for the built-in pack. */
interface FilePack {
  ref: WorkshopPack | null;
  pack: CompiledPack;
}

const refName = (p: { id: string; version: string }) => `${p.id} ${p.version}`;

/**
 * The pack a workshop file is opened with. A file on a team's pack carries it: it is checked as a pack import checks
 * it and added to the library unless the library has it already (the same id, version and content); another pack
 * under that id and version is a conflict, since the workshop would not evaluate as it did. A file on the built-in
 * pack opens with this Stratum's, saying so when the file was evaluated with another version of it.
 */
function packForFile(deps: HandlerDeps, file: WorkshopFile, name: string): Found<FilePack & { add: { stored: StoredPack; content: string } | null; note: string | null }> {
  const builtIn = defaultPack();
  const want = file.pack;
  const others = (id: string, version: string) => {
    const versions = deps.packs.list().filter((p) => p.id === id && p.version !== version).map((p) => p.version);
    return versions.length === 0 ? null : `This app also has ${id} ${versions.join(', ')}; the workshop keeps ${version}, as in the file (it can move on its Setup step).`;
  };
  if (want.content === undefined) {
    // A pack the file names but does not carry (files before version 5, the command line's with --pack): the
    // library's when it has exactly that pack; otherwise the built-in one, saying results may differ, as always.
    const stored = want.id === builtIn.pack.id ? null : deps.packs.get(want.id, want.version);
    if (stored && stored.sha256 === want.sha256) {
      const found = storedPack(deps, want);
      return found.ok ? { ok: true, ref: { id: want.id, version: want.version }, pack: found.pack, add: null, note: others(want.id, want.version) } : found;
    }
    return { ok: true, ref: null, pack: builtIn, add: null, note: packMismatch(file, builtIn, packFingerprint(builtIn.pack)) };
  }
  const loaded = loadCarriedPack(file)!;
  if (!loaded.ok) return { ok: false, result: fail('invalid-input', `${name} carries a rule pack that is not valid: ${formatIssue(loaded.issues[0]!)}`) };
  const pack = loaded.value.pack;
  const sha256 = want.sha256;
  if (!isNamedPack(file, loaded.value)) {
    return { ok: false, result: fail('invalid-input', `${name} carries a rule pack other than the one it names (${refName(want)}): the file was changed after it was exported.`) };
  }
  if (pack.id === builtIn.pack.id) {
    return { ok: false, result: fail('invalid-input', `${name} carries a rule pack under the built-in pack's id (${builtIn.pack.id}), which cannot be replaced.`) };
  }
  const ref = { id: pack.id, version: pack.packVersion };
  const stored = deps.packs.get(ref.id, ref.version);
  if (stored) {
    if (stored.sha256 !== sha256) {
      return {
        ok: false,
        result: fail(
          'conflict',
          `${name} was evaluated with rule pack ${refName(ref)}, and this app has another pack under that id and version (imported from ${stored.fileName}), so the workshop would not evaluate as it did. Give one of the two packs a new "packVersion", import it, and open the file again.`,
        ),
      };
    }
    const found = storedPack(deps, ref);
    return found.ok ? { ok: true, ref, pack: found.pack, add: null, note: others(ref.id, ref.version) } : found;
  }
  const unfit = unfitForWorkshops(loaded.value, `The rule pack ${name} carries`);
  if (unfit) return { ok: false, result: fail('invalid-input', unfit) };
  const checked = checkPackExpectations(loaded.value);
  if (!checked.ok) return { ok: false, result: fail('invalid-input', `${name} carries a rule pack that is not valid: ${formatIssue(inCarriedPack(checked.issues[0]!))}`) };
  const add = {
    stored: { id: ref.id, version: ref.version, sha256, title: pack.title, description: pack.description, fileName: name, importedAt: deps.clock().toISOString() },
    content: JSON.stringify(want.content),
  };
  const note = [`Rule pack ${pack.title} ${ref.version} came with the file and was added to this app’s rule packs.`, others(ref.id, ref.version)].filter(Boolean).join(' ');
  return { ok: true, ref, pack: loaded.value, add, note };
}

/**
 * The refusal in a sentence a person reads first (what the file is, what Stratum expected); the JSON paths
 * follow as details for whoever fixes the file.
 */
function importLead(issues: readonly EngineIssue[]): string {
  const first = issues[0];
  if (first && isAboutTheFile(issues)) {
    const found = first.path.length > 0 && first.found !== undefined ? ` (its ${String(first.path[0])} is ${first.found})` : '';
    return `${first.message.charAt(0).toUpperCase()}${first.message.slice(1)}${found}. Stratum opens the .stratum.json files it exports (Records > Whole workshop).`;
  }
  return `it is a Stratum workshop file, but ${issues.length === 1 ? 'one field holds' : `${issues.length} fields hold`} something Stratum does not accept.`;
}

/** True when the one problem is what the file is (not JSON, not an object, another format or version). */
function isAboutTheFile(issues: readonly EngineIssue[]): boolean {
  const first = issues[0];
  return issues.length === 1 && first !== undefined && (first.path.length === 0 || (first.path.length === 1 && (first.path[0] === 'format' || first.path[0] === 'version')));
}

/** A workshop that holds exactly what the file holds, shown as it is (restored from the archive if it was there). */
function shownAsItIs(deps: HandlerDeps, workshop: Workshop): Omit<ImportedWorkshop, 'packNote'> {
  if (!workshop.archived) return { ...workshop, opened: 'existing' };
  const restored = deps.workshops.setArchived(workshop.id, false, deps.clock().toISOString());
  if (!restored) throw new Error('import could not restore the archived workshop');
  return { ...restored, opened: 'restored' };
}

/** The title a file's workshop takes when it comes in as a copy. */
const copyTitle = (file: WorkshopFile) => `${file.workshop.title} (copy)`.slice(0, 200);

/** Records of the file's workshop as they are saved under another id (links within the workshop follow it). */
function recordsUnder(file: WorkshopFile, id: string): WorkshopFile['records'] {
  return file.records?.map((r) => ({
    ...r,
    workshop: id,
    supersedes: r.supersedes.map((s) => (s.workshop === file.workshop.id ? { ...s, workshop: id } : s)),
    supersededBy: r.supersededBy && r.supersededBy.workshop === file.workshop.id ? { ...r.supersededBy, workshop: id } : r.supersededBy,
  }));
}

/** A copy this file came in as earlier, still holding exactly what the file holds; null when there is none. */
function earlierCopy(deps: HandlerDeps, file: WorkshopFile, at: FilePack): Workshop | null {
  const title = copyTitle(file);
  for (const candidate of deps.workshops.list({ includeArchived: true })) {
    if (candidate.title !== title) continue;
    const records = recordsUnder(file, candidate.id);
    const asCopy: WorkshopFile = { ...file, workshop: { ...file.workshop, id: candidate.id, title }, ...(records ? { records } : {}) };
    if (holdsExactly(deps, candidate, asCopy, at)) return candidate;
  }
  return null;
}

/**
 * True when importing the file afresh would give exactly the stored workshop: the same details, the same
 * state (compared as canonical JSON, so key order does not matter) and, when the file carries records, the
 * same record of every decision (status, date and links; a decision the file leaves out must still be proposed).
 * Times and the archived flag are bookkeeping, not content, and are not compared.
 */
function holdsExactly(deps: HandlerDeps, existing: Workshop, file: WorkshopFile, at: FilePack): boolean {
  if (DETAILS.some((k) => existing[k] !== file.workshop[k])) return false;
  if (canonicalJson(existing.pack) !== canonicalJson(at.ref)) return false;
  const read = deps.workshopStates.get(existing.id, existing.createdAt);
  if (read.kind !== 'read' || canonicalJson(read.saved.state) !== canonicalJson(file.state)) return false;
  if (file.records === undefined) return true;
  const inFile = new Map(file.records.map((r) => [r.decision, r]));
  const decisions = new Set([...at.pack.organisationDecisions.map((d) => d.id), ...inFile.keys()]);
  for (const decision of decisions) {
    const stored = deps.records.get(existing.id, decision);
    if (!stored) return false; // unreadable: not known to be the same, so the file comes in as a copy
    if (canonicalJson(stored) !== canonicalJson(inFile.get(decision) ?? proposedRecord(existing.id, decision))) return false;
  }
  return true;
}

/** Writes the file as a workshop: with its own id, or as a copy with a new id when that id is taken. */
function insertFile(deps: HandlerDeps, file: WorkshopFile, copy: boolean, pack: WorkshopPack | null): Omit<ImportedWorkshop, 'packNote'> {
  const now = deps.clock().toISOString();
  const id = copy ? deps.newId() : file.workshop.id;
  const workshop: Workshop = {
    ...file.workshop,
    id,
    title: copy ? copyTitle(file) : file.workshop.title,
    updatedAt: now,
    archived: false,
    // Which pack: the file's own `pack` (checked against the library by packForFile).
    pack,
  };
  deps.workshops.insert(workshop);
  const saved = deps.workshopStates.save(id, file.state, 0, now);
  if (saved.kind !== 'saved') throw new Error(`import could not save the state (${saved.kind})`);
  deps.records.save(recordsUnder(file, id) ?? [], now);
  return { ...(deps.workshops.get(id) ?? workshop), opened: copy ? 'copy' : 'new' };
}
