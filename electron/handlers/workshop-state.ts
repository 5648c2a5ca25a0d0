import { fail, ok, type ApiResult, type SaveWorkshopStateInput, type WorkshopRef } from '../../shared/contract';
import { type SavedWorkshopState } from '../../shared/domain';
import type { HandlerDeps } from './deps';
import { packOfWorkshop } from './workshop-pack';

export function getWorkshopState(deps: HandlerDeps, input: WorkshopRef): ApiResult<SavedWorkshopState> {
  const workshop = deps.workshops.get(input.id);
  if (!workshop) return fail('not-found', `There is no workshop with id ${input.id}.`);
  const read = deps.workshopStates.get(input.id, workshop.createdAt);
  return read.kind === 'read' ? ok(read.saved) : fail('storage', read.message);
}

export function saveWorkshopState(deps: HandlerDeps, input: SaveWorkshopStateInput): ApiResult<SavedWorkshopState> {
  const workshop = deps.workshops.get(input.id);
  if (!workshop) return fail('not-found', `There is no workshop with id ${input.id}.`);
  const pack = packOfWorkshop(deps, workshop);
  if (!pack.ok) return pack.result;
  const problem = deps.checkState(input.state, pack.pack);
  if (problem) return problem;
  const outcome = deps.workshopStates.save(input.id, input.state, input.baseRevision, deps.clock().toISOString());
  switch (outcome.kind) {
    case 'saved':
      return ok(outcome.saved);
    case 'missing':
      return fail('not-found', `There is no workshop with id ${input.id}.`);
    case 'unreadable':
      return fail('storage', outcome.message);
    case 'conflict':
      return fail(
        'conflict',
        `This workshop was changed elsewhere (saved revision ${outcome.current.revision}, this page had ${input.baseRevision}). Reload to see the latest answers.`,
      );
  }
}
