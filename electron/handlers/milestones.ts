import { fail, ok, type ApiResult, type CompareInput, type CreateMilestoneInput, type Milestone, type RevisionComparison, type WorkshopRef } from '../../shared/contract';
import { WorkshopState, migrateWorkshopState } from '../../shared/domain';
import type { CompiledPack } from '../../shared/engine';
import { compareRevisions, evaluateWorkshop, type Revision } from '../../shared/workshop';
import type { HandlerDeps } from './deps';
import { readWorkshop } from './workshop-pack';

export function listMilestones(deps: HandlerDeps, input: WorkshopRef): ApiResult<Milestone[]> {
  if (!deps.workshops.get(input.id)) return fail('not-found', `There is no workshop with id ${input.id}.`);
  return ok(deps.milestones.list(input.id));
}

/** Saves the whole workshop as it is now (details, answers, weights, participants, evaluation) under a name. */
export function createMilestone(deps: HandlerDeps, input: CreateMilestoneInput): ApiResult<Milestone> {
  const read = readWorkshop(deps, input.id);
  if (!read.ok) return read.result;
  const { workshop, state, pack } = read;
  const { evaluation } = evaluateWorkshop(pack, state);
  const milestone: Milestone = {
    id: deps.newId(),
    workshopId: input.id,
    name: input.name,
    author: input.author,
    createdAt: deps.clock().toISOString(),
    packId: pack.pack.id,
    packVersion: pack.pack.packVersion,
  };
  return ok(deps.milestones.insert(milestone, { workshop, state, evaluation }));
}

function revision(deps: HandlerDeps, current: { state: WorkshopState; pack: CompiledPack }, workshopId: string, ref: string): Revision | string {
  if (ref === 'current') return { label: 'Now', createdAt: null, state: current.state, evaluation: evaluateWorkshop(current.pack, current.state).evaluation };
  const found = deps.milestones.snapshot(workshopId, ref);
  if (!found) return `There is no milestone ${ref} in this workshop.`;
  // A milestone is never rewritten: one saved before use cases is read as this version reads it.
  const { workshop } = found.snapshot;
  const state = WorkshopState.safeParse(migrateWorkshopState(found.snapshot.state, { workshopId, organisation: workshop.organisation, title: workshop.title }).state);
  if (!state.success) return `Milestone “${found.milestone.name}” was saved in a form this Stratum cannot read.`;
  return { label: found.milestone.name, createdAt: found.milestone.createdAt, state: state.data, evaluation: found.snapshot.evaluation };
}

/**
 * Compares two revisions (milestones, or "current"): which answers and weights changed, which recommendations moved.
 * Each milestone keeps the results of the pack it was saved with; questions and decisions are named by the pack the
 * workshop uses now.
 */
export function compareMilestones(deps: HandlerDeps, input: CompareInput): ApiResult<RevisionComparison> {
  const read = readWorkshop(deps, input.id);
  if (!read.ok) return read.result;
  const a = revision(deps, read, input.id, input.from);
  if (typeof a === 'string') return fail('not-found', a);
  const b = revision(deps, read, input.id, input.to);
  if (typeof b === 'string') return fail('not-found', b);
  return ok(compareRevisions(read.pack, a, b));
}
