import { costView, COST_DECISION } from './cost-view';
import { decisionView, type DecisionView } from './decision-view';
import type { RecordLinker } from './madr-record';
import { mdBlocks, mdCode, mdList, mdText } from './markdown-text';
import { planRecordFiles, type RecordDraft } from './plan-record-files';
import { formatScore, lowerFirst, sentence } from './record-format';
import type { ExistingFile, ExportPlan } from './record-files';
import { excludedDeployments, inputPackSha256, type RecordsInput } from './records-input';
import { statusLabel, type RecordRef } from './record-status';

const MARKER = /<!-- stratum-record workshop="([^"]+)" decision="([^"]+)" -->/;

/** Which record an adr-tools file holds, from the marker comment Stratum ends it with (null for other files). */
export function readNygardRef(content: string): RecordRef | null {
  const match = MARKER.exec(content);
  return match ? { workshop: match[1]!, decision: match[2]! } : null;
}

function linkText(ref: RecordRef, linkTo: RecordLinker): string {
  const link = linkTo(ref);
  return link ? `[${mdText(link.heading, false)}](${link.name})` : `the ${mdCode(ref.decision)} record of workshop ${mdCode(ref.workshop)}`;
}

function status(view: DecisionView, linkTo: RecordLinker): string[] {
  // adr-tools writes "Superseded by [N. Title](file)" in place of the status, and "Supersedes …" beneath it.
  const first = view.record.supersededBy ? `Superseded by ${linkText(view.record.supersededBy, linkTo)}` : statusLabel(view.record.status);
  return [first, ...view.record.supersedes.map((r) => `Supersedes ${linkText(r, linkTo)}`)];
}

function context(input: RecordsInput, view: DecisionView): string[] {
  const w = input.workshop;
  const blocks = [mdText(`${view.question} The room weighed this in the workshop "${w.title}"${w.date.trim() ? ` on ${w.date.trim()}` : ''}.`)];
  if (w.description.trim()) blocks.push(mdText(w.description));
  if (!view.applicable) blocks.push(mdText(`Stratum found the decision not applicable: ${view.notApplicableBecause.map(sentence).join(' ')}`));
  if (view.drivers.length > 0) blocks.push(`What drove it:\n\n${mdList(view.drivers.map((d) => mdText(d.text)))}`);
  if (view.answers.length > 0) blocks.push(`The answers that mattered:\n\n${mdList(view.answers.map((a) => mdText(`${a.prompt} ${a.answer}`)))}`);
  if (view.unanswered.length > 0) blocks.push(`Not answered yet:\n\n${mdList(view.unanswered.map((u) => mdText(u.prompt)))}`);
  return blocks;
}

function decision(view: DecisionView): string[] {
  const scores = view.options.map((o) => `${o.label} ${o.ranked.excluded ? 'excluded' : formatScore(o.ranked.score)}`).join(', ');
  const lead = view.chosen ? `We will use ${view.chosen.label}, because ${sentence(view.because)}` : `No option is chosen, because ${sentence(view.because)}`;
  const roadmap = view.useCases.length > 0 ? `By use case:\n\n${mdList(view.useCases.map((u) => mdText(`${u.name}: ${u.lands}. ${[u.note, u.why].filter(Boolean).join(' ')}`.trim())))}` : null;
  return [mdText(lead), view.recommendationNote ? mdText(view.recommendationNote) : null, roadmap, mdText(`Scores (0 to 1): ${scores}.${view.robustnessText ? ` ${view.robustnessText}` : ''}`)].filter(
    (b): b is string => b !== null,
  );
}

function consequences(input: RecordsInput, view: DecisionView): string[] {
  const chosen = view.options.find((o) => o.id === view.chosen?.id);
  const blocks: string[] = [];
  if (chosen && chosen.pros.length > 0) blocks.push(`Easier:\n\n${mdList(chosen.pros.map((p) => mdText(p)))}`);
  if (chosen && chosen.cons.length > 0) blocks.push(`Harder:\n\n${mdList(chosen.cons.map((c) => mdText(c)))}`);
  if (view.risks.length > 0) {
    blocks.push(`Risks to mitigate:\n\n${mdList(view.risks.map((r) => mdText(`${sentence(r.message)} (${r.severity}) Action: ${lowerFirst(sentence(r.action))}`)))}`);
  }
  if (view.id === COST_DECISION && input.cost) {
    const cost = costView(input.pack, input.cost, view.chosen?.id ?? null, excludedDeployments(input));
    const rows = cost.rows.map((r) => `${r.label} ${r.pilot} a month at today's volume, ${r.production} at production volume`);
    blocks.push(`Cost:\n\n${mdList(rows.map((r) => mdText(r)))}`);
    if (cost.outcome && cost.useCases.length > 0) {
      blocks.push(`Each use case at production volume, ${mdText(cost.outcome.label.toLowerCase())}:\n\n${mdList(cost.useCases.map((u) => mdText(`${u.name} ${u.production} a month`)))}`);
    }
  }
  if (blocks.length === 0) blocks.push('None recorded: no option was chosen.');
  const pack = input.evaluation.pack;
  blocks.push(`Evaluated by Stratum with rule pack ${mdCode(pack.id)} version ${mdCode(pack.version)}, sha256 ${mdCode(inputPackSha256(input))}.`);
  return blocks;
}

/** One decision as an adr-tools (Michael Nygard) record numbered `number`; the closing comment lets a later export find it. */
export function nygardRecord(input: RecordsInput, decisionId: string, number: number, linkTo: RecordLinker = () => null): string {
  const view = decisionView(input, decisionId);
  return mdBlocks([
    `# ${number}. ${mdText(view.recordTitle)}`,
    `Date: ${view.date}`,
    '## Status',
    ...status(view, linkTo),
    '## Context',
    ...context(input, view),
    '## Decision',
    ...decision(view),
    '## Consequences',
    ...consequences(input, view),
    `<!-- stratum-record workshop="${input.workshop.id}" decision="${view.id}" -->`,
  ]);
}

/** Plans an adr-tools export into a folder (doc/adr): numbering, update in place and foreign files as planMadrExport. */
export function planNygardExport(existing: readonly ExistingFile[], input: RecordsInput): ExportPlan {
  const drafts: RecordDraft[] = input.pack.organisationDecisions.map((d) => ({
    ref: { workshop: input.workshop.id, decision: d.id },
    fileTitle: d.decision.title,
    render: (file, linkTo) => nygardRecord(input, d.id, file.number, linkTo),
  }));
  return { files: planRecordFiles(existing, drafts, readNygardRef), skipped: [] };
}
