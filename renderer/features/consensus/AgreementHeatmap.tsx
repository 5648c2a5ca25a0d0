import { useId } from 'react';
import { scaleBand, scaleSequential } from 'd3-scale';
import { measureText } from '../../../shared/diagram';
import type { StakeholderAnalysis } from '../../../shared/engine';

interface AgreementHeatmapProps {
  analysis: StakeholderAnalysis;
  decisionTitle: (id: string) => string;
  optionLabel: (decision: string, option: string) => string;
  /** The group's outcome in words, as the table below says it (a tie as a tie). */
  groupOutcome: (group: StakeholderAnalysis['group'][number]) => string;
  /** The options the group backs (each option of a tie): a person whose top option is one of them agrees. */
  backedBy: (group: StakeholderAnalysis['group'][number]) => readonly string[];
  width?: number;
}

/** Shortens a label with "…" until it fits `width` pixels at 12px semi-bold. */
export function fitLabel(text: string, width: number): string {
  if (measureText(text, 12, 'bold') <= width) return text;
  let cut = text;
  while (cut.length > 1 && measureText(`${cut}…`, 12, 'bold') > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** 1 when a person's own ranking puts the group's choice first, falling to 0 when they put it last. */
export function agreementScore(ranking: readonly string[], groupChoice: string | null): number | null {
  if (!groupChoice) return null;
  const at = ranking.indexOf(groupChoice);
  if (at < 0 || ranking.length < 2) return null;
  return 1 - at / (ranking.length - 1);
}

function interpolate(t: number): string {
  // From a warm "disagree" to a calm "agree", readable in both themes.
  const from = [214, 96, 77];
  const to = [26, 152, 80];
  const c = from.map((f, i) => Math.round(f + ((to[i] ?? 0) - f) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Participants × decisions: each cell is the person's own top option, coloured by how far they agree with the group. */
export function AgreementHeatmap({ analysis, decisionTitle, optionLabel, groupOutcome, backedBy, width = 880 }: AgreementHeatmapProps) {
  const hatch = `heat-hatch-${useId().replace(/:/g, '')}`;
  const decisions = analysis.group.map((g) => g.decision);
  const people = analysis.stakeholders;
  const labelW = 170;
  const cellH = 44;
  const headH = 40;
  const x = scaleBand<string>().domain(decisions).range([labelW, width]).paddingInner(0.06);
  const y = scaleBand<string>().domain(['group', ...people.map((_, i) => String(i))]).range([headH, headH + cellH * (people.length + 1)]).paddingInner(0.1);
  const colour = scaleSequential(interpolate).domain([0, 1]);
  const height = headH + cellH * (people.length + 1) + 4;

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Agreement of each participant with the group’s recommendation per decision: green and marked = where the person’s own top option is the group’s, hatched red and marked ≠ where it is another. The table below gives the same figures."
      >
        <defs>
          <pattern id={hatch} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="8" className="heat-hatch-line" />
          </pattern>
        </defs>
        {decisions.map((d) => (
          <text key={d} x={(x(d) ?? 0) + x.bandwidth() / 2} y={headH - 14} textAnchor="middle" className="heat-head">
            {fitLabel(decisionTitle(d), x.bandwidth())}
          </text>
        ))}
        <text x={0} y={(y('group') ?? 0) + y.bandwidth() / 2} dy="0.35em" className="heat-row-label heat-group">
          Group
        </text>
        {analysis.group.map((g) => (
          <g key={g.decision}>
            <rect x={x(g.decision)} y={y('group')} width={x.bandwidth()} height={y.bandwidth()} rx={4} className="heat-group-cell" />
            <text x={(x(g.decision) ?? 0) + x.bandwidth() / 2} y={(y('group') ?? 0) + y.bandwidth() / 2} dy="0.35em" textAnchor="middle" className="heat-cell-text heat-group-text">
              {fitLabel(g.applicable ? (g.recommended ? groupOutcome(g) : '—') : 'n/a', x.bandwidth() - 12)}
            </text>
          </g>
        ))}
        {people.map((p, i) => (
          <g key={`${p.name}-${i}`}>
            <text x={0} y={(y(String(i)) ?? 0) + y.bandwidth() / 2} dy="0.35em" className="heat-row-label">
              {p.name.length > 22 ? `${p.name.slice(0, 21)}…` : p.name}
            </text>
            {p.decisions.map((d) => {
              const group = analysis.group.find((g) => g.decision === d.decision);
              const score = !group?.applicable ? null : d.recommended && backedBy(group).includes(d.recommended) ? 1 : agreementScore(d.ranking, group.recommended);
              // Besides the colour, a mark and a hatch: "=" where the person's top option is the group's, "≠" where not.
              const mark = score === null ? '' : score === 1 ? '= ' : '≠ ';
              return (
                <g key={d.decision}>
                  <rect x={x(d.decision)} y={y(String(i))} width={x.bandwidth()} height={y.bandwidth()} rx={4} fill={score === null ? 'var(--surface-2)' : colour(score)} />
                  {score !== null && score < 1 && <rect x={x(d.decision)} y={y(String(i))} width={x.bandwidth()} height={y.bandwidth()} rx={4} fill={`url(#${hatch})`} />}
                  <text x={(x(d.decision) ?? 0) + x.bandwidth() / 2} y={(y(String(i)) ?? 0) + y.bandwidth() / 2} dy="0.35em" textAnchor="middle" className={score === null ? 'heat-cell-text heat-muted' : 'heat-cell-text'}>
                    {mark}
                    {fitLabel(d.applicable && d.recommended ? optionLabel(d.decision, d.recommended) : 'n/a', x.bandwidth() - 12 - (mark ? 14 : 0))}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
