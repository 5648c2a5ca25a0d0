import { formatNumber } from '../cost';
import { costView, COST_DECISION } from './cost-view';
import { decisionView, nameOfUseCaseIn, type DecisionView } from './decision-view';
import { writeFrontMatter } from './front-matter';
import { mdBlocks, mdCode, mdList, mdTable, mdText } from './markdown-text';
import type { RecordFileLink } from './plan-record-files';
import { formatScore, formatWeight, lowerFirst, participantLabel, sentence } from './record-format';
import { excludedDeployments, inputPackSha256, type RecordsInput } from './records-input';
import { OWN_DEVICE_WEIGHTS, VOTES_HEADING } from './room-words';
import type { RecordRef } from './record-status';

/** Resolves a link to another record's file (null when that record is not in the folder). */
export type RecordLinker = (ref: RecordRef) => RecordFileLink | null;

const noLinks: RecordLinker = () => null;

function linkText(ref: RecordRef, linkTo: RecordLinker): string {
  const link = linkTo(ref);
  return link ? `[${mdText(link.heading || link.name, false)}](${link.name})` : `the ${mdCode(ref.decision)} record of workshop ${mdCode(ref.workshop)}`;
}

function frontMatter(input: RecordsInput, view: DecisionView, linkTo: RecordLinker): string {
  const people = (involvement: string) => input.state.participants.filter((p) => p.involvement === involvement).map(participantLabel);
  const { record } = view;
  const fields: Record<string, unknown> = {
    status: record.status,
    date: view.date,
    'decision-makers': people('decision-maker'),
    consulted: people('consulted'),
    informed: people('informed'),
    workshop: input.workshop.id,
    decision: view.id,
  };
  if (record.supersededBy) fields['superseded-by'] = linkTo(record.supersededBy)?.name ?? `${record.supersededBy.workshop}/${record.supersededBy.decision}`;
  if (record.supersedes.length > 0) fields.supersedes = record.supersedes.map((r) => linkTo(r)?.name ?? `${r.workshop}/${r.decision}`);
  return writeFrontMatter(fields);
}

function context(input: RecordsInput, view: DecisionView, linkTo: RecordLinker): string[] {
  const w = input.workshop;
  const where = [w.organisation.trim() && ` of ${w.organisation.trim()}`, w.date.trim() && ` on ${w.date.trim()}`, w.facilitator.trim() && `, facilitated by ${w.facilitator.trim()}`]
    .filter(Boolean)
    .join('');
  const blocks = [mdText(`${view.question} The room weighed this in the workshop "${w.title}"${where}.`)];
  if (w.description.trim()) blocks.push(mdText(w.description));
  if (view.record.supersededBy) blocks.push(`This record is superseded by ${linkText(view.record.supersededBy, linkTo)}.`);
  if (view.record.supersedes.length > 0) blocks.push(`This record supersedes ${view.record.supersedes.map((r) => linkText(r, linkTo)).join(', ')}.`);
  if (!view.applicable) blocks.push(mdText(`Stratum found the decision not applicable: ${view.notApplicableBecause.map((r) => sentence(r)).join(' ')}`));
  if (view.unanswered.length > 0) {
    blocks.push(`Questions not answered yet that bear on this decision:\n\n${mdList(view.unanswered.map((u) => mdText(u.prompt)))}`);
  }
  return blocks;
}

function outcome(view: DecisionView): string[] {
  const chosen = view.chosen ? `"${mdText(view.chosen.label)}"` : 'none';
  const blocks = [`Chosen option: ${chosen}, because ${mdText(sentence(view.because))}`];
  if (view.recommendationNote) blocks.push(mdText(view.recommendationNote));
  if (view.useCases.length > 0) {
    blocks.push('Each use case of the roadmap:');
    blocks.push(mdTable(['Use case', 'Where it lands', 'Why'], view.useCases.map((u) => [mdText(u.name), mdText(u.lands), mdText([u.note, u.why].filter(Boolean).join(' '))])));
  }
  return blocks;
}

function consequences(view: DecisionView): string {
  const chosen = view.options.find((o) => o.id === view.chosen?.id);
  const items = [
    ...(chosen?.pros ?? []).map((p) => `Good, because ${mdText(lowerFirst(p))}`),
    ...(chosen?.cons ?? []).map((c) => `Bad, because ${mdText(lowerFirst(c))}`),
    // A use case's risk starts with its name, which keeps its capitals.
    ...view.risks.map((r) => `Bad, because ${mdText((r.useCase ? (t: string) => t : lowerFirst)(r.message.trim().replace(/[.!?]$/, '')))} (${r.severity} risk)`),
  ];
  return items.length > 0 ? mdList(items) : 'None recorded: no option was chosen.';
}

function confirmation(input: RecordsInput, view: DecisionView): string[] {
  const blocks: string[] = [];
  if (view.risks.length > 0) {
    // A use case's action says which use case it is for: the list stands apart from the risks above it.
    const forWhom = (useCase: string | undefined) => (useCase === undefined ? '' : ` (${nameOfUseCaseIn(input, useCase)})`);
    blocks.push(`Confirm that each risk is handled:\n\n${mdList(view.risks.map((r) => mdText(`${r.severity === 'high' ? 'High' : 'Medium'}${forWhom(r.useCase)}: ${r.action}`)))}`);
  }
  const revisit = view.unanswered.length > 0 ? ' Answer the open questions above and export again to see whether the outcome holds.' : '';
  blocks.push(mdText(`Review this record when an answer under More Information changes or a weight moves past a flip point.${revisit}`));
  return blocks;
}

function prosAndCons(view: DecisionView): string[] {
  return view.options.flatMap((o) => {
    const items = [
      ...o.pros.map((p) => `Good, because ${mdText(lowerFirst(p))}`),
      ...o.cons.map((c) => `Bad, because ${mdText(lowerFirst(c))}`),
      // A derived option no placement of the use cases gives is out of reach rather than ruled out by a constraint.
      ...o.excludedBecause.map((r) => `Bad, because ${view.useCases.length > 0 ? 'it is out of reach' : 'a hard constraint excludes it'}: ${mdText(lowerFirst(sentence(r)))}`),
      o.ranked.excluded ? `Neutral, because it is ${view.useCases.length > 0 ? 'out of reach' : 'excluded'}, so it has no rank` : `Neutral, because it scores ${formatScore(o.ranked.score)} and ranks ${o.ranked.rank} of ${view.options.length}`,
    ];
    return [`### ${mdText(o.label)}`, o.description ? mdText(o.description) : null, mdList(items)].filter((b): b is string => b !== null);
  });
}

function flipPoints(input: RecordsInput, view: DecisionView): string[] {
  if (view.flipPoints.length === 0) return [];
  const moving = view.flipPoints.filter((f) => f.withinScale);
  const still = view.flipPoints.filter((f) => !f.withinScale).map((f) => input.pack.criteria.find((c) => c.id === f.criterion)?.label ?? f.criterion);
  const rest = still.length > 0 ? mdText(`${moving.length > 0 ? 'No other' : 'No'} single weight from 0 to 5 changes the recommendation (${still.join(', ')}).`) : null;
  if (moving.length === 0) return rest ? [rest] : [];
  return [`Flip points (one weight moved, the others held):\n\n${mdList(moving.map((f) => mdText(f.text)))}`, ...(rest ? [rest] : [])];
}

/** How each person voted on this decision on their own device in the workshop room, when anyone did. */
function votes(view: DecisionView): string[] {
  if (view.votes.length === 0) return [];
  const cast = view.votes.map((v) => mdText(`${v.person}: ${v.option.label}${v.reason ? ` ("${v.reason}")` : ''}`));
  return [`${VOTES_HEADING}:\n\n${mdList(cast)}`];
}

function moreInformation(input: RecordsInput, view: DecisionView): string[] {
  const criteria = input.pack.criteria;
  const weightOf = (id: string) => input.evaluation.weights.find((w) => w.criterion === id)?.weight ?? 0;
  const blocks: string[] = [];
  blocks.push('Scores on the weighted criteria (0 to 1, higher is better; the weights are in brackets):');
  blocks.push(
    mdTable(
      ['Rank', 'Option', 'Score', ...criteria.map((c) => `${c.label} (${formatWeight(weightOf(c.id))})`)],
      view.options.map((o) => [
        o.ranked.excluded ? 'excluded' : String(o.ranked.rank),
        mdText(o.label),
        o.ranked.excluded ? '-' : formatScore(o.ranked.score),
        // An excluded option is not scored: no criterion score to show.
        ...criteria.map((c) => {
          const s = o.ranked.excluded ? undefined : o.ranked.criteria.find((x) => x.criterion === c.id);
          return s ? formatScore(s.score) : '-';
        }),
      ]),
      ['right', 'left', 'right', ...criteria.map(() => 'right' as const)],
    ),
  );
  const ownDevice = input.state.participants.filter((p) => p.weightsFrom === 'own-device').map(participantLabel);
  if (ownDevice.length > 0) blocks.push(mdText(`${OWN_DEVICE_WEIGHTS}: ${ownDevice.join(', ')}.`));
  // The confidence sentence in robustnessText gives the lead where it is what decides; else say it here.
  const leadSaid = view.robustnessText?.includes(' leads by ') ?? false;
  const sensitivity = [view.robustnessText, view.margin !== null && !leadSaid ? `The lead over the next option is ${formatScore(view.margin)}.` : null, view.agreementText].filter((s): s is string => s !== null);
  if (sensitivity.length > 0) blocks.push(mdText(sensitivity.join(' ')));
  blocks.push(...flipPoints(input, view));
  if (view.answers.length > 0) {
    const withNotes = view.answers.some((a) => a.note !== null);
    blocks.push('The answers that mattered (read by the rules that fired for this decision, and by the cost model):');
    blocks.push(
      mdTable(
        withNotes ? ['Question', 'Answer', 'Note'] : ['Question', 'Answer'],
        view.answers.map((a) => [mdText(a.prompt), mdText(a.answer), ...(withNotes ? [a.note ? mdText(a.note) : ''] : [])]),
      ),
    );
  }
  if (view.id === COST_DECISION && input.cost) {
    const cost = costView(input.pack, input.cost, view.chosen?.id ?? null, excludedDeployments(input));
    blocks.push(`Monthly cost from the cost model (${cost.currency}), with every use case where each option places it:`);
    blocks.push(
      mdTable(
        ['Option', 'Pilot (volume now)', 'Production'],
        cost.rows.map((r) => [mdText(r.label), mdText(r.pilot), mdText(r.production)]),
        ['left', 'right', 'right'],
      ),
    );
    if (cost.outcome && cost.useCases.length > 0) {
      blocks.push(`Each use case at production volume, ${mdText(cost.outcome.label.toLowerCase())}:`);
      blocks.push(mdTable(['Use case', 'Production'], cost.useCases.map((u) => [mdText(u.name), mdText(u.production)]), ['left', 'right']));
    }
    blocks.push(mdText(cost.sentences.join(' ')));
  }
  const pack = input.evaluation.pack;
  const fired = view.drivers.filter((d) => d.kind === 'rule').length;
  blocks.push(
    `Evaluated by Stratum with rule pack ${mdCode(pack.id)} version ${mdCode(pack.version)}, sha256 ${mdCode(inputPackSha256(input))}; ` +
      `${formatNumber(fired, 0)} rule${fired === 1 ? '' : 's'} fired for this decision. ` +
      `Workshop ${mdCode(input.workshop.id)}, decision ${mdCode(view.id)}.`,
  );
  return blocks;
}

/** One decision as a MADR 4 record (front matter, the MADR headings, scores and pack fingerprint). */
export function madrRecord(input: RecordsInput, decisionId: string, linkTo: RecordLinker = noLinks): string {
  const view = decisionView(input, decisionId);
  return mdBlocks([
    frontMatter(input, view, linkTo),
    `# ${mdText(view.recordTitle)}`,
    '## Context and Problem Statement',
    ...context(input, view, linkTo),
    '## Decision Drivers',
    view.drivers.length > 0 ? mdList(view.drivers.map((d) => mdText(d.text))) : 'No criterion carries weight and no rule fired.',
    '## Considered Options',
    mdList(view.options.map((o) => mdText(o.label))),
    '## Decision Outcome',
    ...outcome(view),
    ...votes(view),
    '### Consequences',
    consequences(view),
    '### Confirmation',
    ...confirmation(input, view),
    '## Pros and Cons of the Options',
    ...prosAndCons(view),
    '## More Information',
    ...moreInformation(input, view),
  ]);
}
