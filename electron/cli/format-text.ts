import type { DecisionEvaluation, FlipPoint, UseCaseEvaluation } from '../../shared/engine';
import type { EvaluationReport } from './evaluation-report';

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const num = (x: number): string => x.toFixed(3);
const signed = (x: number): string => `${x > 0 ? '+' : ''}${x.toFixed(2)}`;

/** The nearer of the two flip points of a criterion, as a phrase. */
export function describeFlip(flip: FlipPoint): string | null {
  const parts: string[] = [];
  if (flip.lower) parts.push(`below ${flip.lower.atWeight.toFixed(2)} → ${flip.lower.to}`);
  if (flip.raise) parts.push(`above ${flip.raise.atWeight.toFixed(2)} → ${flip.raise.to}${flip.raise.withinScale ? '' : ' (beyond 0..5)'}`);
  return parts.length === 0 ? null : `${flip.criterion} (now ${flip.weight}): ${parts.join(', ')}`;
}

/** Names a use case by id: a use case's risk, exclusion or question says whose it is. */
export type UseCaseNamer = (id: string | undefined) => string;

function risksText(d: DecisionEvaluation, named: UseCaseNamer): string[] {
  if (d.risks.length === 0) return [];
  return ['  Risks:', ...d.risks.map((r) => `    [${r.severity}] ${named(r.useCase)}${r.message} → ${r.action} [${r.rule}]`)];
}

function portfolioText(d: DecisionEvaluation): string[] {
  if (!d.portfolio || d.portfolio.useCases.length === 0) return [];
  const lines = ['  By use case:'];
  for (const row of d.portfolio.useCases) {
    const parts = row.parts
      .filter((p) => p.source !== 'none')
      .map((p) => `${d.portfolio!.from.length > 1 ? `${p.decision} ` : ''}${p.option}${p.source === 'roadmap' ? ` (on its own: ${p.ownBest})` : p.source === 'implied' ? ' (at the provider)' : p.source === 'room' ? " (room's choice)" : p.source === 'conflict' ? ' (cannot follow the room)' : ''}`);
    lines.push(`    ${row.name}: ${parts.length > 0 ? parts.join(', ') : 'nothing to place'}`);
  }
  return lines;
}

/**
 * What follows "Room's choice: <option>" (the text and Markdown reports say it alike): what depends on the
 * decision, and its risks, follow the room's own option.
 */
export function roomChoiceTail(d: DecisionEvaluation, chosen: string): string {
  if (chosen === d.recommended) return ', as recommended';
  return d.risks.length > 0 ? " (the risks listed are this option's)" : '';
}

function roomChoiceText(d: DecisionEvaluation, chosen: string | undefined): string[] {
  return chosen === undefined ? [] : [`  Room's choice: ${chosen}${roomChoiceTail(d, chosen)}`];
}

function decisionText(d: DecisionEvaluation, chosen: string | undefined, named: UseCaseNamer): string[] {
  const lines: string[] = [];
  if (!d.applicable) {
    lines.push(`${d.title}: not applicable`);
    for (const r of d.notApplicableBecause) lines.push(`  ${r.reason} [${r.rule}]`);
    lines.push(...roomChoiceText(d, chosen), ...risksText(d, named));
    return lines;
  }
  const head = d.recommended
    ? `${d.title}: ${d.recommended}  (robustness ${d.robustness === null ? 'n/a' : pct(d.robustness)}${d.margin === null ? '' : `, margin ${num(d.margin)}`})`
    : `${d.title}: no recommendation (every option is excluded)`;
  lines.push(head, ...roomChoiceText(d, chosen));
  const width = Math.max(...d.ranking.map((r) => r.option.length));
  for (const r of d.ranking) lines.push(`  ${r.rank}. ${r.option.padEnd(width)}  ${num(r.score)}${r.excluded ? '  excluded' : ''}`);
  for (const x of d.excluded) for (const r of x.reasons) lines.push(`  ✗ ${x.option}: ${named(r.useCase)}${r.reason} [${r.rule}]`);
  lines.push(...portfolioText(d));
  const top = d.ranking.find((r) => r.option === d.recommended);
  if (top && top.reasons.length > 0) {
    lines.push('  Why:');
    const seen = new Set<string>();
    for (const r of top.reasons) {
      const adjustments = top.reasons.filter((x) => x.rule === r.rule).map((x) => `${x.criterion} ${signed(x.by)}`);
      if (seen.has(r.rule)) continue;
      seen.add(r.rule);
      lines.push(`    ${adjustments.join(', ')}  ${r.rationale} [${r.rule}]`);
    }
  }
  lines.push(...risksText(d, named));
  const flips = d.flipPoints.filter((f) => (f.raise && f.raise.withinScale) || f.lower).map(describeFlip).filter((x): x is string => x !== null);
  if (flips.length > 0) {
    lines.push('  Flips when a weight moves (others fixed):');
    for (const f of flips) lines.push(`    ${f}`);
  } else if (d.recommended) lines.push('  No single weight within 0..5 changes this recommendation.');
  if (d.unanswered.length > 0) lines.push(`  Unanswered, would have mattered: ${d.unanswered.map((u) => `${named(u.useCase)}${u.factor}`).join(', ')}`);
  return lines;
}

/** Where a use case lands on each of its decisions, in one line: "serving-placement edge, training-placement cloud, …". */
export function useCaseLine(u: UseCaseEvaluation): string {
  const parts = u.outcomes
    .filter((o) => o.option !== null)
    .map((o) => `${o.decision} ${o.option}${o.source === 'roadmap' ? ' (with the roadmap)' : o.source === 'room' ? " (room's choice)" : o.source === 'implied' ? ' (at the provider)' : o.source === 'conflict' ? ' (cannot follow the room)' : ''}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing decided yet';
}

/** Which use case a settle-first question or a risk is about, as a prefix: "Fraud scoring: ". */
export function useCasePrefix(report: EvaluationReport, id: string | undefined): string {
  if (id === undefined) return '';
  return `${report.useCases.find((u) => u.id === id)?.name ?? id}: `;
}

/** A readable terminal summary of an evaluation report. */
export function formatText(report: EvaluationReport): string {
  const lines: string[] = [];
  lines.push(`Stratum evaluation of ${report.input.file}${report.input.title ? ` — ${report.input.title}` : ''}`);
  lines.push(`Pack ${report.pack.id} ${report.pack.version} (sha256 ${report.pack.sha256.slice(0, 12)}…)`);
  lines.push(`Weights: ${Object.entries(report.weights).map(([c, w]) => `${c} ${Number(w.toFixed(2))}`).join(', ')}`);
  lines.push('');
  if (report.useCases.length > 0) {
    lines.push('Use cases:');
    for (const u of report.useCases) lines.push(`  ${u.name}: ${useCaseLine(u)}`);
    lines.push('');
  }
  const named: UseCaseNamer = (id) => useCasePrefix(report, id);
  for (const d of report.decisions) {
    lines.push(...decisionText(d, report.decided[d.id], named));
    lines.push('');
  }
  if (report.settleFirst.length > 0) {
    lines.push('Settle first (unanswered, could change a recommendation):');
    for (const s of report.settleFirst.slice(0, 5)) lines.push(`  ${useCasePrefix(report, s.useCase)}${s.factor}: ${s.prompt} (${s.couldChange.map((c) => `${c.decision} → ${c.to.join(' or ')}`).join('; ')})`);
    lines.push('');
  }
  if (report.stakeholders) {
    const st = report.stakeholders;
    lines.push(`Stakeholders: agreement index ${st.agreement.index.toFixed(2)} (Kendall's W, 1 = same rankings)`);
    for (const g of st.group) if (g.applicable) lines.push(`  group ${g.decision}: ${g.recommended ?? 'none'}`);
    for (const s of st.stakeholders) {
      const picks = s.decisions.filter((d) => d.applicable).map((d) => `${d.decision} ${d.recommended ?? 'none'}`).join(', ');
      lines.push(`  ${s.name}${s.role ? ` (${s.role})` : ''}: ${picks}`);
    }
    const widest = [...st.agreement.criteria].sort((a, b) => b.spread - a.spread)[0];
    if (widest && widest.spread > 0) lines.push(`  Widest disagreement: ${widest.criterion} (weights ${widest.min} to ${widest.max})`);
    lines.push('');
  }
  return lines.join('\n');
}
