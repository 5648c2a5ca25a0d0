import { fail, ok, type ApiResult, type MovedWorkshopPack, type MovePackInput, type MoveWorkshopPackInput, type PackMovePreview, type WorkshopPackSource, type WorkshopRef } from '../../shared/contract';
import { nameOfUseCase, type Workshop, type WorkshopState } from '../../shared/domain';
import { defaultPack, packOptionLabel, type CompiledPack } from '../../shared/engine';
import { evaluateWorkshop } from '../../shared/workshop';
import type { HandlerDeps } from './deps';
import { createMilestone } from './milestones';
import { packUse, summary } from './packs';
import { packOfWorkshop, readWorkshop, storedPack, type Found } from './workshop-pack';

/** The pack the open workshop evaluates with, for the page to compile: the built-in one travels as null content. */
export function workshopPackSource(deps: HandlerDeps, input: WorkshopRef): ApiResult<WorkshopPackSource> {
  const workshop = deps.workshops.get(input.id);
  if (!workshop) return fail('not-found', `There is no workshop with id ${input.id}.`);
  const used = packUse(deps);
  if (!workshop.pack) return ok({ pack: summary(defaultPack().pack, null, used('', '', true)), content: null });
  const found = packOfWorkshop(deps, workshop);
  if (!found.ok) return found.result;
  const stored = deps.packs.get(workshop.pack.id, workshop.pack.version);
  const content = deps.packs.content(workshop.pack.id, workshop.pack.version);
  if (!stored || content === null) return fail('storage', `The rule pack ${workshop.pack.id} ${workshop.pack.version} could not be read.`);
  return ok({ pack: summary(found.pack.pack, stored, used(stored.id, stored.version, false)), content });
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

/** A decision the version does not have. */
const ABSENT = '\u0000absent';

const label = (pack: CompiledPack, decision: string, option: string | null) =>
  option === null ? 'No recommendation' : option === 'not applicable' ? 'Not applicable' : packOptionLabel(pack, decision, option);

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
  const changes: PackMovePreview['changes'] = [];
  let unchanged = 0;
  // Every decision of either version: one the other version lacks is a change too ("Not in 1.1.0").
  const compare = (useCase: string | null, from: Map<string, string | null>, to: Map<string, string | null>) => {
    for (const id of new Set([...to.keys(), ...from.keys()])) {
      const a = from.has(id) ? from.get(id)! : ABSENT;
      const b = to.has(id) ? to.get(id)! : ABSENT;
      if (a === b) {
        unchanged++;
        continue;
      }
      const title = t.to.decisions.find((d) => d.id === id)?.decision.title ?? t.from.decisions.find((d) => d.id === id)?.decision.title ?? id;
      changes.push({ title, useCase, from: a === ABSENT ? `Not in ${t.from.pack.packVersion}` : label(t.from, id, a), to: b === ABSENT ? `Not in ${t.to.pack.packVersion}` : label(t.to, id, b) });
    }
  };
  const organisation = (e: typeof before) => new Map(e.decisions.map((d) => [d.id, d.applicable ? (d.recommended ?? null) : 'not applicable']));
  compare(null, organisation(before), organisation(after));
  for (const u of t.state.useCases) {
    const landing = (e: typeof before) => new Map((e.useCases.find((x) => x.id === u.id)?.outcomes ?? []).map((o) => [o.decision, o.option ?? null]));
    compare(nameOfUseCase(u), landing(before), landing(after));
  }
  return ok({ from: name(t.from), to: name(t.to), changes, unchanged, refused: null, milestone });
}

/** Moves the workshop to the other version, after a milestone that keeps its results as they were. All or nothing. */
export function moveWorkshopPack(deps: HandlerDeps, input: MoveWorkshopPackInput): ApiResult<MovedWorkshopPack> {
  const t = target(deps, input);
  if (!t.ok) return t.result;
  const problem = deps.checkState(t.state, t.to);
  if (problem && !problem.ok) return fail('invalid-input', `The workshop's answers do not fit ${t.to.pack.title} ${t.to.pack.packVersion}: ${problem.error.message}`, problem.error.issues);
  // The milestone and the move are one transaction: a refusal part way throws, so neither is kept.
  const refused = new Error('move refused');
  let failure: ApiResult<never> | null = null;
  try {
    return deps.db.transaction((): ApiResult<MovedWorkshopPack> => {
      const milestone = createMilestone(deps, { id: input.id, name: input.milestone, author: input.author });
      if (!milestone.ok) {
        failure = milestone;
        throw refused;
      }
      const workshop = deps.workshops.setPack(input.id, { id: input.pack.id, version: input.pack.version }, deps.clock().toISOString());
      if (!workshop) {
        failure = fail('not-found', `There is no workshop with id ${input.id}.`);
        throw refused;
      }
      return ok({ workshop, milestone: milestone.value });
    })();
  } catch (e) {
    if (e === refused && failure) return failure;
    throw e;
  }
}
