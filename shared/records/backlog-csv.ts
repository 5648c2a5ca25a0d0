import { COST_MODEL_RULE } from '../engine';
import { budgetWords, costView } from './cost-view';
import { csvText } from './csv-text';
import { decisionViews, nameOfUseCaseIn } from './decision-view';
import { listAnd, lowerFirst, sentence } from './record-format';
import { humanize } from '../domain';
import { excludedDeployments, type RecordsInput } from './records-input';

/** The columns issue trackers map on import. */
export const BACKLOG_COLUMNS = ['Summary', 'Description', 'Priority', 'Decision', 'Risk'] as const;

/** One backlog item: a risk's action, an open question, or the budget. */
export interface BacklogItem {
  summary: string;
  description: string;
  priority: 'High' | 'Medium' | 'Low';
  decision: string;
  risk: string;
}

const SUMMARY_MAX = 120;

/** The first sentence (clause) of `text`, after `lead`, at most SUMMARY_MAX characters. */
function shortSummary(text: string, lead = ''): string {
  const first = /^(.+?[.;:])(\s|$)/.exec(text)?.[1] ?? text;
  const trimmed = `${lead}${first.replace(/[.;:]$/, '')}`;
  return trimmed.length <= SUMMARY_MAX ? trimmed : `${trimmed.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

/** What could not be decided without an answer: the rules, by what they weigh, and the cost model when it waited too. */
function whatWaited(input: RecordsInput, rules: readonly string[]): string {
  const ruleIds = rules.filter((id) => id !== COST_MODEL_RULE);
  const parts: string[] = [];
  if (ruleIds.length > 0) {
    const on = listAnd([...new Set(ruleIds.map((id) => considerationWords(input, input.pack.rules.find((r) => r.id === id)?.rule.consideration ?? id)))]);
    parts.push(`${ruleIds.length} rule${ruleIds.length === 1 ? '' : 's'} could not be decided (on ${on})`);
  }
  if (ruleIds.length < rules.length) parts.push('the cost model could not price it');
  return parts.join(', and ');
}

/** The workshop's improvement actions as backlog items: every risk's action, each open question, the budget. */
export function backlogItems(input: RecordsInput): BacklogItem[] {
  const items: BacklogItem[] = [];
  const views = decisionViews(input);
  for (const view of views) {
    for (const risk of view.risks) {
      // A tracker shows the summary alone: a use case's action names it.
      const forWhom = risk.useCase === undefined ? '' : `${nameOfUseCaseIn(input, risk.useCase)}: `;
      items.push({
        summary: shortSummary(risk.action, forWhom),
        description: `${sentence(risk.action)}\n\nWhy: ${sentence(risk.message)} Raised on ${considerationWords(input, risk.consideration)} for "${view.recordTitle}" in the workshop "${input.workshop.title}".`,
        priority: risk.severity === 'high' ? 'High' : 'Medium',
        decision: view.recordTitle,
        risk: risk.message,
      });
    }
  }
  for (const view of views) {
    for (const open of view.unanswered) {
      items.push({
        summary: `Find out: ${open.prompt}`,
        description: `The ${view.title} decision was made without this answer; ${whatWaited(input, open.rules)}. Answer it and export the records again.`,
        priority: 'Low',
        decision: view.recordTitle,
        risk: `The ${view.title} outcome may change once "${open.prompt}" is answered.`,
      });
    }
  }
  if (input.cost && input.cost.production.budget.status === 'over') {
    const cost = costView(input.pack, input.cost, null, excludedDeployments(input));
    const deployment = views.find((v) => v.id === 'deployment');
    items.push({
      summary: 'Close the gap between projected cost and the monthly budget',
      description: `At production volume even the cheapest deployment option is ${budgetWords('over')}. ${cost.rows.map((r) => `${r.label}: ${r.production} a month`).join('; ')}.`,
      priority: 'High',
      decision: deployment?.recordTitle ?? 'Deployment',
      risk: 'Projected monthly cost exceeds the budget.',
    });
  }
  return items;
}

/** Risks and improvement actions as an RFC 4180 CSV for issue trackers: Summary, Description, Priority, Decision, Risk. */
export function backlogCsv(input: RecordsInput): string {
  return csvText(
    BACKLOG_COLUMNS,
    backlogItems(input).map((i) => [i.summary, i.description, i.priority, i.decision, i.risk]),
  );
}

/** A consideration as words in a sentence ("data sensitivity", "cost at projected scale"), from the pack's label. */
function considerationWords(input: RecordsInput, consideration: string): string {
  const label = input.pack.pack.considerations.find((c) => c.id === consideration)?.label ?? humanize(consideration);
  return lowerFirst(label);
}
