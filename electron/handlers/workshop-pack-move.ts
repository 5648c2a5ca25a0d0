import { fail, ok, type ApiResult, type MovedWorkshopPack, type MovePackInput, type MoveWorkshopPackInput, type PackMovePreview, type WorkshopPackSource, type WorkshopRef } from '../../shared/contract';
import type { Workshop, WorkshopState } from '../../shared/domain';
import { defaultPack, type CompiledPack } from '../../shared/engine';
import { compareRevisions, evaluateWorkshop } from '../../shared/workshop';
import type { HandlerDeps } from './deps';
import { createMilestone } from './milestones';
import { packUse, summary } from './packs';
import { readWorkshop, storedPack, type Found } from './workshop-pack';

/** The pack the open workshop evaluates with, for the page to compile: the built-in one travels as null content. */
export function workshopPackSource(deps: HandlerDeps, input: WorkshopRef): ApiResult<WorkshopPackSource> {
  const workshop = deps.workshops.get(input.id);
  if (!workshop) return fail('not-found', `There is no workshop with id ${input.id}.`);
  const used = packUse(deps);
  if (!workshop.pack) return ok({ pack: summary(defaultPack().pack, null, used('', '', true)), content: null });
  const read = readWorkshop(deps, input.id);
  if (!read.ok) return read.result;
  const stored = deps.packs.get(workshop.pack.id, workshop.pack.version);
  const content = deps.packs.content(workshop.pack.id, workshop.pack.version);
  if (!stored || content === null) return fail('storage', `The rule pack ${workshop.pack.id} ${workshop.pack.version} could not be read.`);
  return ok({ pack: summary(read.pack.pack, stored, used(stored.id, stored.version, false)), content });
}

/** Where a workshop could move: another version of its own pack, which its saved answers fit. */
function target(deps: HandlerDeps, input: MovePackInput): Found<{ workshop: Workshop; state: WorkshopState; from: CompiledPack; to: CompiledPack }> {
  const read = readWorkshop(deps, input.id);
  if (!read.ok) return read;
  const { workshop, state, pack: from } = read;
  if (input.pack.id !== from.pack.id) {
    return { ok: false, result: fail('invalid-input', `A workshop moves between versions of its own rule pack (${from.pack.id}); ${input.pack.id} is another pack.`, [{ path: 'pack.id', message: `must be ${from.pack.id}` }]) };
  }
  if (input.pack.version === from.pack.packVersion) {
    return { ok: false, result: fail('invalid-input', `${workshop.title} already evaluates with ${from.pack.id} ${input.pack.version}.`, [{ path: 'pack.version', message: 'must be another version' }]) };
  }
  const to = storedPack(deps, input.pack);
  if (!to.ok) return to;
  return { ok: true, workshop, state, from, to: to.pack };
}

const label = (pack: CompiledPack, decision: string, option: string | null) =>
  option === null ? 'No recommendation' : option === 'not applicable' ? 'Not applicable' : (pack.decisions.find((d) => d.id === decision)?.decision.options.find((o) => o.id === option)?.label ?? option);

/** Which recommendations would change on the other version, worked out on the saved answers before anything moves. */
export function previewPackMove(deps: HandlerDeps, input: MovePackInput): ApiResult<PackMovePreview> {
  const t = target(deps, input);
  if (!t.ok) return t.result;
  const name = (p: CompiledPack) => ({ id: p.pack.id, version: p.pack.packVersion, title: p.pack.title });
  const milestone = `Before moving to ${t.to.pack.title} ${t.to.pack.packVersion}`.slice(0, 120);
  const problem = deps.checkState(t.state, t.to);
  if (problem && !problem.ok) {
    return ok({ from: name(t.from), to: name(t.to), changes: [], unchanged: 0, refused: `The workshop's answers do not fit ${t.to.pack.title} ${t.to.pack.packVersion}: ${problem.error.message}`, milestone });
  }
  const before = evaluateWorkshop(t.from, t.state).evaluation;
  const after = evaluateWorkshop(t.to, t.state).evaluation;
  const moved = compareRevisions(t.to, { label: t.from.pack.packVersion, createdAt: null, state: t.state, evaluation: before }, { label: t.to.pack.packVersion, createdAt: null, state: t.state, evaluation: after }).recommendations;
  const total = before.decisions.filter((d) => d.applicable).length + before.useCases.reduce((n, u) => n + u.outcomes.length, 0);
  return ok({
    from: name(t.from),
    to: name(t.to),
    changes: moved.map((m) => ({ title: m.title, useCase: m.useCase?.name ?? null, from: label(t.from, m.decision, m.from), to: label(t.to, m.decision, m.to) })),
    unchanged: Math.max(0, total - moved.length),
    refused: null,
    milestone,
  });
}

/** Moves the workshop to the other version, after a milestone that keeps its results as they were. All or nothing. */
export function moveWorkshopPack(deps: HandlerDeps, input: MoveWorkshopPackInput): ApiResult<MovedWorkshopPack> {
  const t = target(deps, input);
  if (!t.ok) return t.result;
  const problem = deps.checkState(t.state, t.to);
  if (problem && !problem.ok) return fail('invalid-input', `The workshop's answers do not fit ${t.to.pack.title} ${t.to.pack.packVersion}: ${problem.error.message}`, problem.error.issues);
  return deps.db.transaction((): ApiResult<MovedWorkshopPack> => {
    const milestone = createMilestone(deps, { id: input.id, name: input.milestone, author: input.author });
    if (!milestone.ok) return milestone;
    const builtIn = defaultPack().pack;
    const isBuiltIn = input.pack.id === builtIn.id && input.pack.version === builtIn.packVersion;
    const workshop = deps.workshops.setPack(input.id, isBuiltIn ? null : { id: input.pack.id, version: input.pack.version }, deps.clock().toISOString());
    if (!workshop) return fail('not-found', `There is no workshop with id ${input.id}.`);
    return ok({ workshop, milestone: milestone.value });
  })();
}
