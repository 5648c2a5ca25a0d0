import { describeFound, formatIssue, jsonNestingIssue, loadPack, packFingerprint, type EngineIssue, type EngineResult, type CompiledPack } from '../engine';
import { jsonErrorWhere, stripBom } from '../util';
import { fromZodIssues, ALLOWED_KEYS_MARKER } from '../engine/zod-issues';
import { migrateWorkshopState } from '../domain';
import { WORKSHOP_FORMAT, WORKSHOP_VERSION, WORKSHOP_VERSIONS_READ, WorkshopFileSchema, type WorkshopFile } from './workshop-file';

const OTHER_FORMATS: Record<string, string> = {
  'stratum.answers': 'this is a Stratum answers file, not a workshop: evaluate it with `stratum evaluate`',
  'stratum.pack': 'this is a Stratum rule pack, not a workshop',
};


/** What a file that is not JSON text looks like, from its first characters: "a PNG image", or null. */
export function sniffFileKind(text: string): string | null {
  const start = text.slice(0, 8);
  if (start.startsWith('\u0089PNG') || start.startsWith('\ufffdPNG')) return 'a PNG image';
  if (start.startsWith('%PDF')) return 'a PDF document';
  if (start.startsWith('PK\u0003\u0004')) return 'a ZIP archive (a Word, Excel or PowerPoint file is one)';
  if (start.startsWith('GIF8')) return 'a GIF image';
  if (/^(\u00ff\u00d8\u00ff|\ufffd\ufffd\ufffd)/.test(start)) return 'a JPEG image';
  if (/^\s*</.test(start)) return 'an HTML or XML document';
  if (/^\s*#/.test(start)) return 'a Markdown document';
  return null;
}

/** Where JSON.parse stopped, as "line L, column C", without echoing the file's content. */
function parseFailure(text: string, error: unknown): string {
  const where = jsonErrorWhere(text, error);
  if (where) return `it is not valid JSON (${where})`;
  const detail = error instanceof Error ? error.message : String(error);
  return /end of JSON/i.test(detail) ? 'it is not valid JSON (it ends too soon)' : 'it is not valid JSON';
}

function envelope(raw: unknown): EngineIssue[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return [{ path: [], message: 'a workshop file must be a JSON object', found: describeFound(raw), allowed: `an object with "format": "${WORKSHOP_FORMAT}"` }];
  }
  const { format, version } = raw as Record<string, unknown>;
  if (format !== WORKSHOP_FORMAT) {
    // An own key only: "constructor" or "__proto__" must not find Object.prototype's members.
    const known = typeof format === 'string' && Object.hasOwn(OTHER_FORMATS, format) ? OTHER_FORMATS[format] : undefined;
    if (format === undefined) return [{ path: ['format'], message: 'this is not a Stratum workshop file: it has no "format" field', allowed: JSON.stringify(WORKSHOP_FORMAT) }];
    return [{ path: ['format'], message: known ?? 'this is not a Stratum workshop file', found: describeFound(format), allowed: JSON.stringify(WORKSHOP_FORMAT) }];
  }
  if (typeof version === 'number' && WORKSHOP_VERSIONS_READ.includes(version)) return [];
  const reads = `this build of Stratum reads ${WORKSHOP_FORMAT} versions ${WORKSHOP_VERSIONS_READ.slice(0, -1).join(', ')} and ${WORKSHOP_VERSIONS_READ.at(-1)}`;
  if (typeof version === 'number' && Number.isInteger(version) && version > WORKSHOP_VERSION) {
    return [{ path: ['version'], message: `this file is ${WORKSHOP_FORMAT} version ${version}, written by a newer Stratum; ${reads}: update Stratum to open it`, found: String(version), allowed: String(WORKSHOP_VERSION) }];
  }
  return [{ path: ['version'], message: `unknown ${WORKSHOP_FORMAT} version; ${reads}`, found: describeFound(version), allowed: String(WORKSHOP_VERSION) }];
}

/**
 * A version 1 file as version 2: its organisation-wide answers about the workload become one use case
 * (migrateWorkshopState); its evaluation snapshot is kept as written. Versions 2 and 3 come back unchanged
 * (3 is 2 with a currency other than US dollars).
 */
function fromEarlierVersion(file: Record<string, unknown>): Record<string, unknown> {
  if (file.version !== 1) return file;
  const workshop = (file.workshop ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const { state } = migrateWorkshopState(file.state, { workshopId: text(workshop.id), organisation: text(workshop.organisation), title: text(workshop.title) });
  return { ...file, version: 2, state };
}

/** Reads a `stratum.workshop` file (its text, or the parsed JSON): every problem names its JSON path and what is allowed. */
export function parseWorkshopFile(raw: unknown): EngineResult<WorkshopFile> {
  let value = raw;
  if (typeof raw === 'string') {
    const text = stripBom(raw);
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      // Never the file's bytes in the message: what the file seems to be, or where its JSON breaks.
      const kind = sniffFileKind(text);
      const message = kind ? `this is ${kind}, not a Stratum workshop file` : `it cannot be read as a Stratum workshop file: ${parseFailure(text, error)}`;
      return { ok: false, issues: [{ path: [], message, allowed: `a ${WORKSHOP_FORMAT} file exported by Stratum (.stratum.json)` }] };
    }
  }
  // What the file is comes first (describing what was found is safe at any depth); then how deep it nests.
  const outer = envelope(value);
  if (outer.length > 0) return { ok: false, issues: outer };
  const tooDeep = jsonNestingIssue(value);
  if (tooDeep) return { ok: false, issues: [tooDeep] };
  value = fromEarlierVersion(value as Record<string, unknown>);
  const parsed = WorkshopFileSchema.safeParse(value, {
    // Unknown fields: say which fields the object does know (fromZodIssues reads them after the marker).
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      return shape ? `${ALLOWED_KEYS_MARKER}${Object.keys(shape).join(', ')}` : undefined;
    },
  });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error, value) };
  // The evaluation is kept exactly as written (zod would reorder its keys), so a snapshot stays byte-identical.
  const evaluation = (value as { evaluation?: unknown }).evaluation;
  return { ok: true, value: evaluation === undefined ? parsed.data : { ...parsed.data, evaluation: evaluation as WorkshopFile['evaluation'] } };
}

/** One line per problem, for the CLI and dialogs: "$.state.answers: must be an object; found: …". */
export function formatWorkshopFileIssues(issues: readonly EngineIssue[], file?: string): string[] {
  return issues.map((issue) => formatIssue(issue, file));
}

/** A problem of the pack a workshop file carries, at its place in the file. */
export function inCarriedPack(issue: EngineIssue): EngineIssue {
  return { ...issue, path: ['pack', 'content', ...issue.path] };
}

/** The team's rule pack a workshop file carries (version 5), compiled; null when it carries none (a built-in pack's file). */
export function loadCarriedPack(file: Pick<WorkshopFile, 'pack'>): EngineResult<CompiledPack> | null {
  if (file.pack.content === undefined) return null;
  const loaded = loadPack(file.pack.content);
  return loaded.ok ? loaded : { ok: false, issues: loaded.issues.map(inCarriedPack) };
}

/** True when a pack is the one the file names (id, version and sha256): another means the file was changed. */
export function isNamedPack(file: Pick<WorkshopFile, 'pack'>, pack: CompiledPack): boolean {
  const want = file.pack;
  return pack.pack.id === want.id && pack.pack.packVersion === want.version && packFingerprint(pack.pack) === want.sha256;
}

/** loadCarriedPack, refusing a pack other than the one the file names. */
export function carriedPack(file: Pick<WorkshopFile, 'pack'>): EngineResult<CompiledPack> | null {
  const loaded = loadCarriedPack(file);
  if (!loaded?.ok || isNamedPack(file, loaded.value)) return loaded;
  const want = file.pack;
  return { ok: false, issues: [{ path: ['pack', 'content'], message: `the rule pack the file carries is not the one it names (${want.id} ${want.version}, sha256 ${want.sha256.slice(0, 12)}…): the file was changed after it was exported` }] };
}

/** Null when the file was evaluated with this pack; otherwise a sentence saying what differs. */
export function packMismatch(file: Pick<WorkshopFile, 'pack'>, pack: CompiledPack, sha256: string): string | null {
  const want = file.pack;
  const have = { id: pack.pack.id, version: pack.pack.packVersion, sha256 };
  if (want.id === have.id && want.version === have.version && want.sha256 === have.sha256) return null;
  const name = (p: { id: string; version: string; sha256: string }) => `${p.id} ${p.version} (sha256 ${p.sha256.slice(0, 12)}…)`;
  return `This workshop was evaluated with rule pack ${name(want)}; this build has ${name(have)}, so results may differ.`;
}
