import { fail, type ApiResult, type FieldIssue } from '../../shared/contract';
import { type WorkshopState } from '../../shared/domain';
import { parseCostAssumptions } from '../../shared/cost';
import { describeDomain, inDomain, misplacedAnswer, type AnswerLevel, type CompiledPack } from '../../shared/engine';
import { closestId } from '../../shared/util';

function unknownId(kind: string, id: string, known: Iterable<string>): string {
  const suggestion = closestId(id, known);
  return `is not a known ${kind}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

/** The answers, "don't know" marks and notes of one level (the organisation, or one use case) against the pack's questions. */
function answerIssues(
  pack: CompiledPack,
  level: AnswerLevel,
  at: string,
  answers: Readonly<Record<string, unknown>>,
  dontKnow: readonly string[],
  notes: Readonly<Record<string, string>>,
  issues: FieldIssue[],
): void {
  const problem = (id: string): string | null => {
    const misplaced = misplacedAnswer(pack, id, level);
    if (!misplaced) return null;
    if (misplaced.kind === 'aggregate') return 'is worked out from the use cases, not answered';
    if (misplaced.kind === 'other-level') return level === 'organisation' ? 'is asked of each use case, not of the organisation' : 'is asked once for the organisation, not of a use case';
    if (!misplaced.suggestion) return 'is not a known question';
    return `is not a known question (did you mean "${misplaced.suggestion}"${misplaced.atOtherLevel ? `, ${level === 'organisation' ? 'asked of each use case' : 'asked once for the organisation'}` : ''}?)`;
  };
  for (const [id, value] of Object.entries(answers)) {
    const wrong = problem(id);
    const factor = pack.factors[pack.factorIndex.get(id) ?? -1];
    if (wrong) issues.push({ path: `${at}.answers.${id}`, message: wrong });
    else if (factor && !inDomain(factor, value)) issues.push({ path: `${at}.answers.${id}`, message: `must be ${describeDomain(factor)}; got ${JSON.stringify(value)}` });
  }
  for (const [i, id] of dontKnow.entries()) {
    const wrong = problem(id);
    if (wrong) issues.push({ path: `${at}.dontKnow.${i}`, message: wrong });
  }
  for (const id of Object.keys(notes)) {
    const wrong = problem(id);
    if (wrong) issues.push({ path: `${at}.notes.${id}`, message: wrong });
  }
}

/** The room's choices of one scope's decisions: known decisions of that scope, and their options. */
function choiceIssues(pack: CompiledPack, scope: AnswerLevel, at: string, choices: Readonly<Record<string, { option: string }>>, issues: FieldIssue[], field = 'roomChoices'): void {
  const decisions = scope === 'organisation' ? pack.organisationDecisions : pack.useCaseDecisions;
  for (const [decisionId, choice] of Object.entries(choices)) {
    const d = decisions.find((x) => x.id === decisionId);
    if (!d) {
      // A decision of the other level is known: say where it is chosen rather than that it does not exist.
      const otherLevel = pack.decisionIndex.has(decisionId);
      const message = !otherLevel
        ? unknownId('decision', decisionId, decisions.map((x) => x.id))
        : scope === 'organisation'
          ? `is chosen for each use case, not for the organisation (organisation decisions: ${decisions.map((x) => x.id).join(', ')})`
          : `is chosen once for the organisation, not for a use case (use-case decisions: ${decisions.map((x) => x.id).join(', ')})`;
      issues.push({ path: `${at}.${field}.${decisionId}`, message });
      continue;
    }
    const options = d.decision.options.map((o) => o.id);
    if (!options.includes(choice.option)) issues.push({ path: `${at}.${field}.${decisionId}.option`, message: `must be one of ${options.join(', ')}` });
  }
}

/** The problems of a workshop state against a rule pack: unknown ids, answers at the wrong level, values outside their factor's domain. */
export function stateIssues(pack: CompiledPack, state: WorkshopState): FieldIssue[] {
  const issues: FieldIssue[] = [];
  answerIssues(pack, 'organisation', 'state', state.answers, state.dontKnow, state.notes, issues);
  if (state.useCases.length > 0 && !pack.hasUseCases) issues.push({ path: 'state.useCases', message: `must be empty: rule pack ${pack.pack.id} asks nothing per use case` });
  state.useCases.forEach((u, i) => {
    answerIssues(pack, 'use-case', `state.useCases.${i}`, u.answers, u.dontKnow, u.notes, issues);
    choiceIssues(pack, 'use-case', `state.useCases.${i}`, u.roomChoices, issues);
  });
  const criterionIds = pack.criteria.map((c) => c.id);
  const participantIds = new Set(state.participants.map((p) => p.id));
  for (const [participant, weights] of Object.entries(state.weights)) {
    if (!participantIds.has(participant)) issues.push({ path: `state.weights.${participant}`, message: 'is not one of the workshop’s participants' });
    for (const criterion of Object.keys(weights)) {
      if (!pack.criterionIndex.has(criterion)) issues.push({ path: `state.weights.${participant}.${criterion}`, message: unknownId('criterion', criterion, criterionIds) });
    }
  }
  choiceIssues(pack, 'organisation', 'state', state.roomChoices, issues);
  for (const [participant, votes] of Object.entries(state.votes ?? {})) {
    if (!participantIds.has(participant)) issues.push({ path: `state.votes.${participant}`, message: 'is not one of the workshop’s participants' });
    choiceIssues(pack, 'organisation', 'state.votes', votes, issues, participant);
  }
  const cost = parseCostAssumptions(state.costAssumptions, 'state.costAssumptions');
  if (!cost.ok) {
    // The cost model's messages are whole sentences that start with the field's path.
    for (const issue of cost.issues) issues.push({ path: issue.path, message: issue.message.startsWith(issue.path) ? issue.message.slice(issue.path.length).trim() : issue.message });
  }
  return issues;
}

/** Checks a workshop state against the workshop's rule pack; null when it is acceptable. */
export function checkWorkshopState(state: WorkshopState, pack: CompiledPack): ApiResult<never> | null {
  const issues = stateIssues(pack, state);
  if (issues.length === 0) return null;
  return fail('invalid-input', `The workshop's answers were refused: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`, issues);
}
