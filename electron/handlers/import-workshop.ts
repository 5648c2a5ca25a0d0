import { fail, ok, type ApiResult, type ImportWorkshopInput, type Workshop } from '../../shared/contract';
import { formatJsonPath } from '../../shared/engine';
import { parseWorkshopFile } from '../../shared/records';
import type { HandlerDeps } from './deps';

/**
 * Opens an exported workshop file as a workshop: all of it or nothing. A file whose workshop is already
 * here comes in as a copy with a new id, so nothing saved is ever replaced.
 */
export function importWorkshop(deps: HandlerDeps, input: ImportWorkshopInput): ApiResult<Workshop> {
  const name = input.fileName ?? 'the file';
  const parsed = parseWorkshopFile(input.content);
  if (!parsed.ok) {
    const issues = parsed.issues.map((i) => ({
      path: formatJsonPath(i.path),
      message: [i.message, i.found !== undefined ? `found: ${i.found}` : '', i.allowed !== undefined ? `allowed: ${i.allowed}` : ''].filter(Boolean).join('; '),
    }));
    return fail('invalid-input', `${name} could not be opened: ${issues.map((i) => `${i.path}: ${i.message}`).join(' · ')}`, issues);
  }
  const file = parsed.value;
  const problem = deps.checkState(file.state);
  if (problem && !problem.ok) {
    return fail('invalid-input', `${name} does not fit this Stratum's rule pack: ${problem.error.message}`, problem.error.issues);
  }
  const now = deps.clock().toISOString();
  const copy = deps.workshops.get(file.workshop.id) !== null;
  const id = copy ? deps.newId() : file.workshop.id;
  const workshop: Workshop = {
    ...file.workshop,
    id,
    title: copy ? `${file.workshop.title} (copy)`.slice(0, 200) : file.workshop.title,
    updatedAt: now,
    archived: false,
  };
  deps.db.transaction(() => {
    deps.workshops.insert(workshop);
    const saved = deps.workshopStates.save(id, file.state, 0, now);
    if (saved.kind !== 'saved') throw new Error(`import could not save the state (${saved.kind})`);
    const records = (file.records ?? []).map((r) => ({
      ...r,
      workshop: id,
      supersedes: r.supersedes.map((s) => (s.workshop === file.workshop.id ? { ...s, workshop: id } : s)),
      supersededBy: r.supersededBy && r.supersededBy.workshop === file.workshop.id ? { ...r.supersededBy, workshop: id } : r.supersededBy,
    }));
    deps.records.save(records, now);
  })();
  return ok(deps.workshops.get(id) ?? workshop);
}
