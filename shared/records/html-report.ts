import { formatPercent } from '../cost';
import { appliedChoice } from '../workshop';
import { budgetWords, costView, COST_DECISION } from './cost-view';
import { decisionViews, type DecisionView } from './decision-view';
import { escapeHtml, htmlList, htmlTable, inlineSvg } from './html-text';
import { formatScore, formatWeight, sentence } from './record-format';
import { excludedDeployments, inputPackSha256, type RecordsInput } from './records-input';
import { statusLabel } from './record-status';
import { VOTES_HEADING } from './room-words';
import { REPORT_CSS } from './report-style';

const INVOLVEMENT: Record<string, string> = { 'decision-maker': 'Decision-maker', consulted: 'Consulted', informed: 'Informed' };

function badge(text: string, className: string): string {
  return `<span class="badge ${className}">${escapeHtml(text)}</span>`;
}

function outcomeLine(view: DecisionView): string {
  if (view.override) return `Room's choice: ${escapeHtml(view.override.option.label)}`;
  if (view.chosen) return `Recommended: ${escapeHtml(view.chosen.label)}`;
  return view.applicable ? 'No option left' : 'Not applicable';
}

function summary(input: RecordsInput, views: readonly DecisionView[]): string {
  const rows = views.map((v) => [
    `<a href="#decision-${escapeHtml(v.id)}">${escapeHtml(v.title)}</a>`,
    `${outcomeLine(v)}${v.override && v.recommended ? `<br><span class="note">Stratum recommended ${escapeHtml(v.recommended.label)}</span>` : ''}`,
    badge(statusLabel(v.record.status), `status-${v.record.status}`),
    // Robustness is the recommendation's: under a room's other choice, the cell says whose it is.
    v.robustness === null ? '-' : `${escapeHtml(formatPercent(v.robustness))}${v.override && v.recommended ? `<br><span class="note">for ${escapeHtml(v.recommended.label)}</span>` : ''}`,
    String(v.risks.filter((r) => r.severity === 'high').length),
  ]);
  // The organisation's open questions and each use case's own.
  const unanswered = input.evaluation.unanswered.length + input.evaluation.useCases.reduce((n, u) => n + u.unanswered.length, 0);
  const people = input.state.participants.length;
  const useCases = input.state.useCases.length;
  const lead = `${views.filter((v) => v.chosen).length} of ${views.length} decisions have an outcome; ${useCases} use case${useCases === 1 ? '' : 's'}; ${people} participant${people === 1 ? '' : 's'}; ${unanswered} question${unanswered === 1 ? '' : 's'} not answered yet.`;
  return [
    '<section id="summary">',
    '<h2>Summary</h2>',
    input.workshop.description.trim() ? `<p class="lead">${escapeHtml(input.workshop.description.trim())}</p>` : '',
    `<p>${escapeHtml(lead)}</p>`,
    htmlTable(['Decision', 'Outcome', 'Status', 'Robustness', 'High risks'], rows),
    '<p class="note">Robustness: the share of random changes to the weights (and answers to any open questions) that keep the recommendation on top.</p>',
    '</section>',
  ].join('\n');
}

function stack(input: RecordsInput): string {
  const svg = input.stackSvg === undefined ? null : inlineSvg(input.stackSvg);
  if (svg === null) return '';
  return ['<section id="stack">', '<h2>The stack</h2>', `<figure class="stack">${svg}</figure>`, '</section>'].join('\n');
}

function ranking(input: RecordsInput, view: DecisionView): string {
  const weightOf = (id: string) => input.evaluation.weights.find((w) => w.criterion === id)?.weight ?? 0;
  const criteria = input.pack.criteria;
  const rows = view.options.map((o) => {
    const s = o.ranked;
    const score = s.excluded ? '<span class="excluded">excluded</span>' : `<span class="bar" style="width:${Math.round(s.score * 80)}px"></span>${formatScore(s.score)}`;
    return [
      s.excluded ? '-' : String(s.rank),
      `${escapeHtml(o.label)}${o.excludedBecause.length > 0 ? `<br><span class="note">${escapeHtml(o.excludedBecause.map(sentence).join(' '))}</span>` : ''}`,
      score,
      // An excluded option is not scored: no criterion score to show.
      ...criteria.map((c) => {
        const x = s.excluded ? undefined : s.criteria.find((k) => k.criterion === c.id);
        return x ? formatScore(x.score) : '-';
      }),
    ];
  });
  return htmlTable(['Rank', 'Option', 'Score', ...criteria.map((c) => `${c.label} (${formatWeight(weightOf(c.id))})`)], rows, 'scores');
}

function risksTable(view: DecisionView): string {
  if (view.risks.length === 0) return '<p>No risks raised for this outcome.</p>';
  return htmlTable(
    ['Severity', 'Risk', 'Action'],
    view.risks.map((r) => [badge(r.severity, `sev-${r.severity}`), escapeHtml(r.message), escapeHtml(r.action)]),
  );
}

function decision(input: RecordsInput, view: DecisionView): string {
  const parts = [
    `<section class="decision" id="decision-${escapeHtml(view.id)}">`,
    `<h2>${escapeHtml(view.recordTitle)}</h2>`,
    `<p class="meta">${escapeHtml(view.question)} ${badge(statusLabel(view.record.status), `status-${view.record.status}`)} <span class="note">${escapeHtml(view.date)}</span></p>`,
    `<div class="outcome${view.override ? ' override' : ''}"><div class="choice">${outcomeLine(view)}</div><p>Because ${escapeHtml(sentence(view.because))}</p>${
      view.recommendationNote ? `<p class="note">${escapeHtml(view.recommendationNote)}</p>` : ''
    }</div>`,
  ];
  if (!view.applicable) parts.push(`<p>${escapeHtml(view.notApplicableBecause.map(sentence).join(' '))}</p>`);
  if (view.votes.length > 0) {
    parts.push(`<p>${escapeHtml(VOTES_HEADING)}:</p>`, htmlList(view.votes.map((v) => `${escapeHtml(v.person)}: ${escapeHtml(v.option.label)}${v.reason ? ` (“${escapeHtml(v.reason)}”)` : ''}`)));
  }
  if (view.useCases.length > 0) {
    parts.push(
      '<h3>By use case</h3>',
      htmlTable(['Use case', 'Where it lands', 'Why'], view.useCases.map((u) => [escapeHtml(u.name), escapeHtml(u.lands), escapeHtml([u.note, u.why].filter(Boolean).join(' '))])),
    );
  }
  const rules = view.drivers.filter((d) => d.kind === 'rule');
  if (rules.length > 0) parts.push('<h3>Why</h3>', htmlList(rules.map((d) => escapeHtml(d.text))));
  parts.push('<h3>Ranking</h3>', ranking(input, view));
  parts.push('<h3>Risks and actions</h3>', risksTable(view));
  const sensitivity = [view.robustnessText, view.agreementText].filter((s): s is string => s !== null);
  const flips = view.flipPoints.filter((f) => f.withinScale);
  if (sensitivity.length > 0 || flips.length > 0) {
    parts.push('<h3>How firm it is</h3>');
    if (sensitivity.length > 0) parts.push(`<p>${escapeHtml(sensitivity.join(' '))}</p>`);
    if (flips.length > 0) parts.push(htmlList(flips.map((f) => escapeHtml(f.text))));
    else parts.push('<p>No single weight from 0 to 5 changes the recommendation.</p>');
  }
  if (view.answers.length > 0) {
    const notes = view.answers.some((a) => a.note !== null);
    parts.push(
      '<h3>The answers that mattered</h3>',
      htmlTable(
        notes ? ['Question', 'Answer', 'Note'] : ['Question', 'Answer'],
        view.answers.map((a) => [escapeHtml(a.prompt), escapeHtml(a.answer), ...(notes ? [a.note ? escapeHtml(a.note) : ''] : [])]),
      ),
    );
  }
  if (view.unanswered.length > 0) parts.push('<h3>Not answered yet</h3>', htmlList(view.unanswered.map((u) => escapeHtml(u.prompt))));
  parts.push('</section>');
  return parts.join('\n');
}

function cost(input: RecordsInput): string {
  const head = ['<section id="cost">', '<h2>Cost</h2>'];
  if (!input.cost) {
    return [...head, '<p>The cost model prices the use cases: give them request volumes (now and in production) or training hours to see monthly cost per deployment option.</p>', '</section>'].join('\n');
  }
  const deployment = input.evaluation.decisions.find((d) => d.id === COST_DECISION);
  // A choice counts only while the decision applies (one made before is set aside).
  const outcome = appliedChoice(deployment, input.state.roomChoices)?.option ?? deployment?.recommended ?? null;
  const view = costView(input.pack, input.cost, outcome, excludedDeployments(input));
  const budget = input.cost.assumptions.monthlyBudget !== null;
  const rows = view.rows.map((r) => [escapeHtml(r.label), escapeHtml(r.pilot), escapeHtml(r.production), ...(budget ? [escapeHtml(budgetWords(r.budget))] : [])]);
  const perUseCase =
    view.outcome && view.useCases.length > 0
      ? [`<p>Each use case at production volume, ${escapeHtml(view.outcome.label.toLowerCase())}:</p>`, htmlTable(['Use case', `Production (${view.currency} a month)`], view.useCases.map((u) => [escapeHtml(u.name), escapeHtml(u.production)]), 'money')]
      : [];
  return [
    ...head,
    htmlTable(['Deployment option', `Pilot, volume now (${view.currency} a month)`, `Production (${view.currency} a month)`, ...(budget ? ['Budget at production'] : [])], rows, 'money'),
    ...perUseCase,
    htmlList(view.sentences.map(escapeHtml)),
    '</section>',
  ].join('\n');
}

function allRisks(views: readonly DecisionView[]): string {
  const rows = views.flatMap((v) => v.risks.map((r) => [escapeHtml(v.title), badge(r.severity, `sev-${r.severity}`), escapeHtml(r.message), escapeHtml(r.action)]));
  return ['<section id="risks">', '<h2>Risks</h2>', rows.length > 0 ? htmlTable(['Decision', 'Severity', 'Risk', 'Action'], rows) : '<p>No risks raised.</p>', '</section>'].join('\n');
}

function participants(input: RecordsInput): string {
  const people = input.state.participants;
  const involvement = (p: (typeof people)[number]) => `${INVOLVEMENT[p.involvement] ?? p.involvement}${p.weightsFrom === 'own-device' ? ' · weights entered on their own device' : ''}`;
  const rows = people.map((p) => [escapeHtml(p.name.trim() || 'Unnamed participant'), escapeHtml(p.role), escapeHtml(involvement(p))]);
  return [
    '<section id="participants">',
    '<h2>Participants</h2>',
    rows.length > 0 ? htmlTable(['Name', 'Role', 'Involvement'], rows) : '<p>No participants recorded.</p>',
    input.workshop.facilitator.trim() ? `<p>Facilitated by ${escapeHtml(input.workshop.facilitator.trim())}.</p>` : '',
    '</section>',
  ].join('\n');
}

/** The workshop as one self-contained, printable HTML report: inline CSS and SVG, no scripts, no remote resources. */
export function htmlReport(input: RecordsInput): string {
  const views = decisionViews(input);
  const w = input.workshop;
  const meta = [w.organisation.trim(), w.date.trim(), w.facilitator.trim() && `facilitated by ${w.facilitator.trim()}`].filter(Boolean).join(' · ');
  const pack = input.evaluation.pack;
  const title = w.title.trim() || 'Workshop';
  return `${[
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}: AI infrastructure decisions</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(meta ? `AI infrastructure decisions · ${meta}` : 'AI infrastructure decisions')}</p>`,
    '</header>',
    '<main>',
    summary(input, views),
    stack(input),
    ...views.map((v) => decision(input, v)),
    cost(input),
    allRisks(views),
    participants(input),
    '</main>',
    '<footer>',
    `<p>Generated by Stratum on ${escapeHtml(input.generatedAt)} with rule pack <code>${escapeHtml(pack.id)}</code> version <code>${escapeHtml(pack.version)}</code>, sha256 <code>${escapeHtml(inputPackSha256(input))}</code>. Workshop <code>${escapeHtml(w.id)}</code>.</p>`,
    '</footer>',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')}\n`;
}
