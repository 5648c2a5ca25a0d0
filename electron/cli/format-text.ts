import type { DecisionEvaluation, FlipPoint, PartSource, UseCaseEvaluation } from '../../shared/engine';
import type { EvaluationReport } from './evaluation-report';
import { percent } from '../../shared/util';

const num = (x: number): string => x.toFixed(3);
const signed = (x: number): string => `${x > 0 ? '+' : ''}${x.toFixed(2)}`;
/** A weight as people read it: a group's geometric mean is 3.66, not 3.6628415014847064. */
export const weightText = (w: number): string => String(Number(w.toFixed(2)));

/** The nearer of the two flip points of a criterion, as a phrase. */
export function describeFlip(flip: FlipPoint): string | null {
  const parts: string[] = [];
  if (flip.lower) parts.push(`below ${flip.lower.atWeight.toFixed(2)} → ${flip.lower.to}`);
  if (flip.raise) parts.push(`above ${flip.raise.atWeight.toFixed(2)} → ${flip.raise.to}${flip.raise.withinScale ? '' : ' (beyond 0..5)'}`);
  return parts.length === 0 ? null : `${flip.criterion} (now ${weightText(flip.weight)}): ${parts.join(', ')}`;
}

/**
 * Where a use case lands on one of its decisions, in words: the option, and why when it is not simply its own
 * recommendation ("batch (on its own: real-time)", "cloud (at the provider)"); "—" when there is nothing to place.
 */
export function landingWords(option: string | null, source: PartSource, ownBest: string | null): string {
  if (option === null) return '—';
  if (source === 'roadmap') return ownBest !== null && ownBest !== option ? `${option} (on its own: ${ownBest})` : `${option} (with the roadmap)`;
  if (source === 'room') return `${option} (room's choice)`;
  if (source === 'implied') return `${option} (at the provider)`;
  if (source === 'conflict') return `${option} (cannot follow the room)`;
  return option;
}

/**
 * The use cases as a table: one row per use case, one column per use-case decision (in the pack's order), each
 * cell where it lands once the organisation's decisions are settled.
 */
export function useCaseTable(useCases: readonly UseCaseEvaluation[]): { header: string[]; rows: string[][] } {
  const decisions: string[] = [];
  for (const u of useCases) for (const o of u.outcomes) if (!decisions.includes(o.decision)) decisions.push(o.decision);
  const rows = useCases.map((u) => [
    u.name,
    ...decisions.map((id) => {
      const o = u.outcomes.find((x) => x.decision === id);
      return o ? landingWords(o.option, o.source, u.decisions.find((d) => d.id === id)?.recommended ?? null) : '—';
    }),
  ]);
  return { header: ['Use case', ...decisions], rows };
}

/**
 * The rows of a derived decision's portfolio: each use case, and where each of its parts lands. Under a main
 * approach each use case keeps its own option; one that differs from the decision's outcome says so.
 */
export function portfolioTable(d: DecisionEvaluation): { header: string[]; rows: string[][] } | null {
  const portfolio = d.portfolio;
  if (!portfolio || portfolio.useCases.length === 0) return null;
  const differs = (useCase: string) => portfolio.kind === 'main-approach' && portfolio.outcome !== null && portfolio.differ.includes(useCase);
  return {
    header: ['Use case', ...portfolio.from],
    rows: portfolio.useCases.map((row) => [
      row.name,
      ...portfolio.from.map((id) => {
        const part = row.parts.find((p) => p.decision === id);
        const words = part ? landingWords(part.option, part.source, part.ownBest) : '—';
        return part && part.option !== null && differs(row.useCase) ? `${words} (differs from ${portfolio.outcome})` : words;
      }),
    ]),
  };
}

/** Rows as aligned columns (two spaces apart, no trailing spaces), each line indented. */
export function alignColumns(rows: readonly (readonly string[])[], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => `${indent}${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`);
}

/** A question that would have mattered, once: a use case's own question names its use cases, an organisation's is asked once. */
export interface OpenQuestion {
  factor: string;
  prompt: string;
  /** Names of the use cases it is asked of (empty: asked once, of the organisation). */
  useCases: string[];
}

/**
 * A decision's unanswered questions, each factor once. A derived decision lists its use cases' open questions,
 * some of them the organisation's (asked once, whichever use case's rule read it); those are listed without a
 * use case, and a use case's own question lists the use cases that leave it open.
 */
export function openQuestions(report: EvaluationReport, d: DecisionEvaluation): OpenQuestion[] {
  const questions: OpenQuestion[] = [];
  for (const q of d.unanswered) {
    const useCase = q.useCase === undefined ? undefined : report.useCases.find((u) => u.id === q.useCase);
    const own = useCase !== undefined && useCase.unanswered.includes(q.factor);
    let entry = questions.find((x) => x.factor === q.factor);
    if (!entry) {
      entry = { factor: q.factor, prompt: q.prompt, useCases: [] };
      questions.push(entry);
    }
    const name = own ? useCase.name : q.useCase !== undefined && useCase === undefined ? q.useCase : null;
    if (name !== null && !entry.useCases.includes(name)) entry.useCases.push(name);
  }
  return questions;
}

/** A question's factor and whose it is: "latencyP95Ms (Credit risk models)". */
export function questionWords(q: Pick<OpenQuestion, 'factor' | 'useCases'>, code: (id: string) => string = (id) => id): string {
  return q.useCases.length === 0 ? code(q.factor) : `${code(q.factor)} (${q.useCases.join(', ')})`;
}

/** Names a use case by id: a use case's risk, exclusion or question says whose it is. */
export type UseCaseNamer = (id: string | undefined) => string;

function risksText(d: DecisionEvaluation, named: UseCaseNamer): string[] {
  if (d.risks.length === 0) return [];
  return ['  Risks:', ...d.risks.map((r) => `    [${r.severity}] ${named(r.useCase)}${r.message} → ${r.action} [${r.rule}]`)];
}

function portfolioText(d: DecisionEvaluation): string[] {
  const table = portfolioTable(d);
  if (!table) return [];
  return ['  By use case:', ...alignColumns([table.header, ...table.rows], '    ')];
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

function decisionText(report: EvaluationReport, d: DecisionEvaluation, chosen: string | undefined, named: UseCaseNamer): string[] {
  const lines: string[] = [];
  if (!d.applicable) {
    lines.push(`${d.title}: not applicable`);
    for (const r of d.notApplicableBecause) lines.push(`  ${r.reason} [${r.rule}]`);
    lines.push(...roomChoiceText(d, chosen), ...risksText(d, named));
    return lines;
  }
  const tie = d.confidence?.level === 'too-close';
  const head = d.recommended
    ? `${d.title}: ${tie ? `too close to call: ${d.confidence!.tied.join(' or ')}` : d.recommended}  (${d.confidence && !tie ? `${d.confidence.level}, ` : ''}robustness ${d.robustness === null ? 'n/a' : percent(d.robustness)}${d.margin === null ? '' : `, margin ${num(d.margin)}`})`
    : `${d.title}: no recommendation (every option is excluded)`;
  lines.push(head, ...roomChoiceText(d, chosen), ...(d.confidence ? [`  ${d.confidence.why}`] : []));
  const width = Math.max(...d.ranking.map((r) => r.option.length));
  for (const r of d.ranking) lines.push(`  ${r.rank}. ${r.option.padEnd(width)}  ${num(r.score)}${r.excluded ? '  excluded' : ''}`);
  for (const x of d.excluded) for (const r of x.reasons) lines.push(`  ✗ ${x.option}: ${named(r.useCase)}${r.reason} [${r.rule}]`);
  lines.push(...portfolioText(d));
  const top = d.ranking.find((r) => r.option === d.recommended);
  if (top && top.reasons.length === 0 && top.rationale) lines.push('  Why:', `    baseline  ${top.rationale}`);
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
  const open = openQuestions(report, d);
  if (open.length > 0) lines.push(`  Unanswered, would have mattered: ${open.map((q) => questionWords(q)).join(', ')}`);
  return lines;
}

/** A settle-first question's factor and the use case it is asked of: "latencyP95Ms (Credit risk models)". */
export function settleWords(report: EvaluationReport, s: EvaluationReport['settleFirst'][number], code?: (id: string) => string): string {
  const name = s.useCase === undefined ? undefined : (report.useCases.find((u) => u.id === s.useCase)?.name ?? s.useCase);
  return questionWords({ factor: s.factor, useCases: name === undefined ? [] : [name] }, code);
}

/** Which use case an exclusion or a risk is about, as a prefix: "Fraud scoring: ". */
export function useCasePrefix(report: EvaluationReport, id: string | undefined): string {
  if (id === undefined) return '';
  return `${report.useCases.find((u) => u.id === id)?.name ?? id}: `;
}

/** A readable terminal summary of an evaluation report. */
export function formatText(report: EvaluationReport): string {
  const lines: string[] = [];
  lines.push(`Stratum evaluation of ${report.input.file}${report.input.title ? ` — ${report.input.title}` : ''}`);
  lines.push(`Pack ${report.pack.id} ${report.pack.version} (sha256 ${report.pack.sha256.slice(0, 12)}…)`);
  lines.push(`Weights: ${Object.entries(report.weights).map(([c, w]) => `${c} ${weightText(w)}`).join(', ')}`);
  lines.push('');
  if (report.useCases.length > 0) {
    const table = useCaseTable(report.useCases);
    lines.push(`Use cases, where each one lands:`, ...alignColumns([table.header, ...table.rows], '  '), '');
  }
  const named: UseCaseNamer = (id) => useCasePrefix(report, id);
  for (const d of report.decisions) {
    lines.push(...decisionText(report, d, report.decided[d.id], named));
    lines.push('');
  }
  if (report.consistency.length > 0) {
    lines.push('Answers that disagree:');
    for (const i of report.consistency) lines.push(`  ${named(i.useCase)}${i.message} Ask: ${i.ask} [${i.check}]`);
    lines.push('');
  }
  if (report.settleFirst.length > 0) {
    lines.push('Settle first (unanswered, could change a recommendation):');
    for (const s of report.settleFirst.slice(0, 5)) lines.push(`  ${settleWords(report, s)}: ${s.prompt} (${s.couldChange.map((c) => `${c.decision} → ${c.to.join(' or ')}`).join('; ')})`);
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
