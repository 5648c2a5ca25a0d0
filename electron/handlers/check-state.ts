import { fail, type ApiResult, type FieldIssue } from '../../shared/contract';
import { type WorkshopState } from '../../shared/domain';
import { parseCostAssumptions } from '../../shared/cost';
import { closestId, defaultPack, describeDomain, inDomain, type CompiledPack } from '../../shared/engine';

function unknownId(kind: string, id: string, known: Iterable<string>): string {
  const suggestion = closestId(id, known);
  return `is not a known ${kind}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

/** The problems of a workshop state against a rule pack: unknown ids and answers outside their factor's domain. */
export function stateIssues(pack: CompiledPack, state: WorkshopState): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const factorIds = pack.factors.map((f) => f.id);
  for (const [id, value] of Object.entries(state.answers)) {
    const factor = pack.factors[pack.factorIndex.get(id) ?? -1];
    if (!factor) issues.push({ path: `state.answers.${id}`, message: unknownId('question', id, factorIds) });
    else if (!inDomain(factor, value)) issues.push({ path: `state.answers.${id}`, message: `must be ${describeDomain(factor)}; got ${JSON.stringify(value)}` });
  }
  for (const [i, id] of state.dontKnow.entries()) {
    if (!pack.factorIndex.has(id)) issues.push({ path: `state.dontKnow.${i}`, message: unknownId('question', id, factorIds) });
  }
  for (const id of Object.keys(state.notes)) {
    if (!pack.factorIndex.has(id)) issues.push({ path: `state.notes.${id}`, message: unknownId('question', id, factorIds) });
  }
  const criterionIds = pack.criteria.map((c) => c.id);
  const participantIds = new Set(state.participants.map((p) => p.id));
  for (const [participant, weights] of Object.entries(state.weights)) {
    if (!participantIds.has(participant)) issues.push({ path: `state.weights.${participant}`, message: 'is not one of the workshop’s participants' });
    for (const criterion of Object.keys(weights)) {
      if (!pack.criterionIndex.has(criterion)) issues.push({ path: `state.weights.${participant}.${criterion}`, message: unknownId('criterion', criterion, criterionIds) });
    }
  }
  for (const [decisionId, choice] of Object.entries(state.roomChoices)) {
    const d = pack.decisions[pack.decisionIndex.get(decisionId) ?? -1];
    if (!d) {
      issues.push({ path: `state.roomChoices.${decisionId}`, message: unknownId('decision', decisionId, pack.decisions.map((x) => x.id)) });
      continue;
    }
    const options = d.decision.options.map((o) => o.id);
    if (!options.includes(choice.option)) issues.push({ path: `state.roomChoices.${decisionId}.option`, message: `must be one of ${options.join(', ')}` });
  }
  const cost = parseCostAssumptions(state.costAssumptions, 'state.costAssumptions');
  if (!cost.ok) {
    // The cost model's messages are whole sentences that start with the field's path.
    for (const issue of cost.issues) issues.push({ path: issue.path, message: issue.message.startsWith(issue.path) ? issue.message.slice(issue.path.length).trim() : issue.message });
  }
  return issues;
}

/** Checks a workshop state against the default rule pack; null when it is acceptable. */
export function checkWorkshopState(state: WorkshopState): ApiResult<never> | null {
  const issues = stateIssues(defaultPack(), state);
  if (issues.length === 0) return null;
  return fail('invalid-input', `The workshop's answers were refused: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`, issues);
}
