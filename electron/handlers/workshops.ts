import { fail, ok, type ApiResult, type ArchiveWorkshopInput, type CreateWorkshopInput, type ListWorkshopsInput, type UpdateWorkshopInput, type WorkshopRef } from '../../shared/contract';
import { type Workshop, type WorkshopFields } from '../../shared/domain';
import { defaultPack } from '../../shared/engine';
import type { HandlerDeps } from './deps';

function today(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function notFound(id: string): ApiResult<never> {
  return fail('not-found', `There is no workshop with id ${id}. It may have been removed in another window.`);
}

export function listWorkshops(deps: HandlerDeps, input: ListWorkshopsInput): ApiResult<Workshop[]> {
  return ok(deps.workshops.list({ includeArchived: input.includeArchived ?? false }));
}

export function createWorkshop(deps: HandlerDeps, input: CreateWorkshopInput): ApiResult<Workshop> {
  let pack: Workshop['pack'] = null;
  if (input.pack) {
    // The built-in pack is named by null: a workshop made with it evaluates as every other built-in workshop.
    const builtIn = defaultPack().pack;
    const isBuiltIn = input.pack.id === builtIn.id && input.pack.version === builtIn.packVersion;
    if (!isBuiltIn && !deps.packs.get(input.pack.id, input.pack.version)) {
      return fail('not-found', `There is no rule pack ${input.pack.id} ${input.pack.version} in this app: import it on the Rule packs page first.`, [{ path: 'pack', message: 'must be a rule pack in this app' }]);
    }
    pack = isBuiltIn ? null : { id: input.pack.id, version: input.pack.version };
  }
  const now = deps.clock();
  const stamp = now.toISOString();
  return ok(
    deps.workshops.insert({
      id: deps.newId(),
      title: input.title,
      organisation: input.organisation ?? '',
      facilitator: input.facilitator ?? '',
      date: input.date ?? today(now),
      description: input.description ?? '',
      createdAt: stamp,
      updatedAt: stamp,
      archived: false,
      pack,
    }),
  );
}

export function getWorkshop(deps: HandlerDeps, input: WorkshopRef): ApiResult<Workshop> {
  const w = deps.workshops.get(input.id);
  return w ? ok(w) : notFound(input.id);
}

const DETAIL_NAMES: Record<keyof WorkshopFields, string> = {
  title: 'title',
  organisation: 'organisation',
  facilitator: 'facilitator',
  date: 'date',
  description: 'description',
};

/** "title", "title and date", "title, date and description". */
function listed(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function updateWorkshop(deps: HandlerDeps, input: UpdateWorkshopInput): ApiResult<Workshop> {
  const outcome = deps.workshops.update(input.id, input.patch, deps.clock().toISOString(), input.base);
  switch (outcome.kind) {
    case 'updated':
      return ok(outcome.workshop);
    case 'missing':
      return notFound(input.id);
    case 'conflict': {
      const many = outcome.fields.length > 1;
      return fail(
        'conflict',
        `The workshop's ${listed(outcome.fields.map((f) => DETAIL_NAMES[f]))} ${many ? 'were' : 'was'} changed elsewhere since this page read ${many ? 'them' : 'it'}, so nothing was saved. Reload to see the latest details.`,
      );
    }
  }
}

export function archiveWorkshop(deps: HandlerDeps, input: ArchiveWorkshopInput): ApiResult<Workshop> {
  const w = deps.workshops.setArchived(input.id, input.archived, deps.clock().toISOString());
  return w ? ok(w) : notFound(input.id);
}
