import { fail, ok, type ApiResult, type ArchiveWorkshopInput, type CreateWorkshopInput, type ListWorkshopsInput, type UpdateWorkshopInput, type WorkshopRef } from '../../shared/contract';
import { type Workshop } from '../../shared/domain';
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
    }),
  );
}

export function getWorkshop(deps: HandlerDeps, input: WorkshopRef): ApiResult<Workshop> {
  const w = deps.workshops.get(input.id);
  return w ? ok(w) : notFound(input.id);
}

export function updateWorkshop(deps: HandlerDeps, input: UpdateWorkshopInput): ApiResult<Workshop> {
  const w = deps.workshops.update(input.id, input.patch, deps.clock().toISOString());
  return w ? ok(w) : notFound(input.id);
}

export function archiveWorkshop(deps: HandlerDeps, input: ArchiveWorkshopInput): ApiResult<Workshop> {
  const w = deps.workshops.setArchived(input.id, input.archived, deps.clock().toISOString());
  return w ? ok(w) : notFound(input.id);
}
