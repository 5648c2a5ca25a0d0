import type { DecisionEvaluation } from '../../shared/engine';
import type { EvaluationReport } from './evaluation-report';
import { describeFlip, openQuestions, portfolioTable, questionWords, roomChoiceTail, settleWords, useCasePrefix, useCaseTable, weightText, type UseCaseNamer } from './format-text';
import { percent } from '../../shared/util';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function risksMarkdown(d: DecisionEvaluation, named: UseCaseNamer): string[] {
  if (d.risks.length === 0) return [];
  return ['### Risks', '', ...d.risks.map((r) => `- **${r.severity}**: ${named(r.useCase)}${r.message} *Action:* ${r.action} (\`${r.rule}\`)`), ''];
}

/** A Markdown table: the header, its rule, and one line per row (cells escaped). */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.map(cell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

function portfolioMarkdown(d: DecisionEvaluation): string[] {
  const table = portfolioTable(d);
  return table ? ['### By use case', '', ...markdownTable(table.header, table.rows), ''] : [];
}

function roomChoiceMarkdown(d: DecisionEvaluation, chosen: string | undefined): string[] {
  return chosen === undefined ? [] : [`**Room's choice: ${chosen}**${roomChoiceTail(d, chosen)}.`, ''];
}

function decisionMarkdown(report: EvaluationReport, d: DecisionEvaluation, chosen: string | undefined, named: UseCaseNamer): string[] {
  const lines = [`## ${d.title}`, ''];
  if (!d.applicable) {
    lines.push('Not applicable:', '');
    for (const r of d.notApplicableBecause) lines.push(`- ${r.reason} (\`${r.rule}\`)`);
    lines.push('', ...roomChoiceMarkdown(d, chosen), ...risksMarkdown(d, named));
    return lines;
  }
  lines.push(
    d.recommended
      ? `${d.confidence?.level === 'too-close' ? `**Too close to call: ${d.confidence.tied.join(' or ')}**` : `**Recommended: ${d.recommended}**${d.confidence ? ` (${d.confidence.level})` : ''}`} — robustness ${d.robustness === null ? 'n/a' : percent(d.robustness)}${d.margin === null ? '' : `, margin ${d.margin.toFixed(3)}`}${d.confidence ? `. ${d.confidence.why}` : ''}`
      : '**No recommendation**: every option is excluded.',
    '',
    ...roomChoiceMarkdown(d, chosen),
    '| Rank | Option | Score | Excluded |',
    '|---:|---|---:|---|',
  );
  for (const r of d.ranking) lines.push(`| ${r.rank} | ${cell(r.option)} | ${r.score.toFixed(3)} | ${r.excluded ? 'yes' : ''} |`);
  lines.push('');
  if (d.excluded.length > 0) {
    lines.push('### Excluded', '');
    for (const x of d.excluded) for (const r of x.reasons) lines.push(`- **${x.option}**: ${named(r.useCase)}${r.reason} (\`${r.rule}\`)`);
    lines.push('');
  }
  lines.push(...portfolioMarkdown(d));
  const top = d.ranking.find((r) => r.option === d.recommended);
  if (top && top.reasons.length > 0) {
    lines.push('### Why', '', '| Criterion | Change | Rationale | Rule |', '|---|---:|---|---|');
    for (const r of top.reasons) lines.push(`| ${r.criterion} | ${r.by > 0 ? '+' : ''}${r.by.toFixed(2)} | ${cell(r.rationale)} | \`${r.rule}\` |`);
    lines.push('');
  }
  lines.push(...risksMarkdown(d, named));
  const flips = d.flipPoints.map(describeFlip).filter((x): x is string => x !== null);
  if (flips.length > 0) {
    lines.push('### Flip points', '');
    for (const f of flips) lines.push(`- ${f}`);
    lines.push('');
  }
  const open = openQuestions(report, d);
  if (open.length > 0) {
    lines.push('### Unanswered questions that would have mattered', '');
    for (const q of open) lines.push(`- ${cell(questionWords(q, (id) => `\`${id}\``))}: ${q.prompt}`);
    lines.push('');
  }
  return lines;
}

/** The evaluation report as a Markdown document. */
export function formatMarkdown(report: EvaluationReport): string {
  const lines = [
    `# Stratum evaluation${report.input.title ? `: ${report.input.title}` : ''}`,
    '',
    `${report.input.format === 'stratum.workshop' ? 'Workshop' : 'Answers'}: \`${report.input.file}\`; pack \`${report.pack.id}\` ${report.pack.version} (sha256 \`${report.pack.sha256}\`).`,
    '',
    `Weights: ${Object.entries(report.weights).map(([c, w]) => `${c} ${weightText(w)}`).join(', ')}.`,
    '',
  ];
  const named: UseCaseNamer = (id) => useCasePrefix(report, id);
  if (report.useCases.length > 0) {
    const table = useCaseTable(report.useCases);
    lines.push('## Use cases', '', 'Where each use case lands once the organisation\'s decisions are settled.', '', ...markdownTable(table.header, table.rows), '');
  }
  for (const d of report.decisions) lines.push(...decisionMarkdown(report, d, report.decided[d.id], named));
  if (report.consistency.length > 0) {
    lines.push('## Answers that disagree', '');
    for (const i of report.consistency) lines.push(`- ${cell(`${named(i.useCase)}${i.message}`)} Ask: ${cell(i.ask)} (\`${i.check}\`)`);
    lines.push('');
  }
  if (report.settleFirst.length > 0) {
    lines.push('## Settle first', '');
    for (const s of report.settleFirst) lines.push(`- ${cell(settleWords(report, s, (id) => `\`${id}\``))}: ${s.prompt} Could change ${s.couldChange.map((c) => `${c.decision} to ${c.to.join(' or ')}`).join('; ')}.`);
    lines.push('');
  }
  if (report.stakeholders) {
    const st = report.stakeholders;
    lines.push('## Stakeholders', '', `Agreement index (Kendall's W): ${st.agreement.index.toFixed(2)}.`, '', '| Stakeholder | ' + st.group.filter((g) => g.applicable).map((g) => g.decision).join(' | ') + ' |');
    lines.push('|---|' + st.group.filter((g) => g.applicable).map(() => '---').join('|') + '|');
    lines.push('| **Group** | ' + st.group.filter((g) => g.applicable).map((g) => g.recommended ?? '—').join(' | ') + ' |');
    for (const s of st.stakeholders) {
      const picks = st.group.filter((g) => g.applicable).map((g) => s.decisions.find((d) => d.decision === g.decision)?.recommended ?? '—');
      lines.push(`| ${cell(s.name)}${s.role ? ` (${cell(s.role)})` : ''} | ${picks.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
