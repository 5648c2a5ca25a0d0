import { fail, ok, type AcceptedRecord, type ApiResult, type UpdateRecordInput, type WorkshopRef } from '../../shared/contract';
import { listAcceptedRecords } from '../storage';
import { changeRecordStatus, supersedeRecord, type DecisionRecord } from '../../shared/records';
import type { HandlerDeps } from './deps';
import { packOfWorkshop } from './workshop-pack';

function today(deps: HandlerDeps): string {
  return deps.clock().toISOString().slice(0, 10);
}

/**
 * The record of every organisation decision of a workshop, in pack order (proposed until someone decides).
 * Use-case decisions (placement, serving, sourcing of one use case) have no record of their own: they are told in
 * the organisation decisions derived from them.
 */
export function listRecords(deps: HandlerDeps, input: WorkshopRef): ApiResult<DecisionRecord[]> {
  const workshop = deps.workshops.get(input.id);
  if (!workshop) return fail('not-found', `There is no workshop with id ${input.id}.`);
  const pack = packOfWorkshop(deps, workshop);
  if (!pack.ok) return pack.result;
  const out: DecisionRecord[] = [];
  for (const d of pack.pack.organisationDecisions) {
    const record = deps.records.get(input.id, d.id);
    if (!record) return fail('storage', `The record of ${d.decision.title} could not be read; it was left as it is.`);
    out.push(record);
  }
  return ok(out);
}

/** Moves a record along its lifecycle; superseding links the replacement both ways. */
export function updateRecord(deps: HandlerDeps, input: UpdateRecordInput): ApiResult<DecisionRecord[]> {
  const workshop = deps.workshops.get(input.id);
  if (!workshop) return fail('not-found', `There is no workshop with id ${input.id}.`);
  const pack = packOfWorkshop(deps, workshop);
  if (!pack.ok) return pack.result;
  const recorded = pack.pack.organisationDecisions.map((d) => d.id);
  if (!recorded.includes(input.decision)) {
    return fail('invalid-input', `decision must be one of ${recorded.join(', ')}.`, [{ path: 'decision', message: `must be one of ${recorded.join(', ')}` }]);
  }
  const record = deps.records.get(input.id, input.decision);
  if (!record) return fail('storage', 'This record could not be read; it was left as it is.');
  const date = today(deps);
  if (input.status === 'superseded') {
    if (!input.supersededBy) return fail('invalid-input', 'Name the record that supersedes this one.', [{ path: 'supersededBy', message: 'is required when the status is superseded' }]);
    if (!deps.workshops.get(input.supersededBy.workshop)) return fail('not-found', `There is no workshop with id ${input.supersededBy.workshop}.`);
    const replacement = deps.records.get(input.supersededBy.workshop, input.supersededBy.decision);
    if (!replacement) return fail('storage', 'The replacing record could not be read.');
    const changed = supersedeRecord(record, replacement, date);
    if (!changed.ok) return fail('conflict', changed.message);
    deps.records.save([changed.value.old, changed.value.replacement], deps.clock().toISOString());
  } else {
    const changed = changeRecordStatus(record, input.status, date);
    if (!changed.ok) return fail('conflict', changed.message);
    deps.records.save([changed.value], deps.clock().toISOString());
  }
  return listRecords(deps, { id: input.id });
}

/** Accepted records in every workshop except this one: what may supersede one of its records. */
export function listSupersedeCandidates(deps: HandlerDeps, input: WorkshopRef): ApiResult<AcceptedRecord[]> {
  if (!deps.workshops.get(input.id)) return fail('not-found', `There is no workshop with id ${input.id}.`);
  return ok(listAcceptedRecords(deps.db).filter((r) => r.workshop !== input.id));
}
