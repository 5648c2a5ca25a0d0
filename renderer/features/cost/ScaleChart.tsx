import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { DEPLOYMENT_OPTIONS, formatAmount, formatMoney, formatNumber, type CurrencyCode, type DeploymentOption, type PilotToProductionSeries, type ScalePoint } from '../../../shared/cost';
import { seriesColour } from '../../components/palette';
import { shortCount } from './cost-form';
import { SeriesLegend } from '../../components/SeriesLegend';

interface ScaleChartProps {
  series: PilotToProductionSeries;
  optionLabel: (option: string) => string;
  /** The currency of the series' amounts. */
  currency: CurrencyCode;
  width?: number;
  height?: number;
}

const MARGIN = { top: 22, right: 24, bottom: 44, left: 64 };

/** Monthly cost of each option as every use case grows from today's volume to production, with the budget drawn when set. */
export function ScaleChart({ series, optionLabel, currency, width = 640, height = 300 }: ScaleChartProps) {
  const money = (value: number) => formatMoney(value, currency);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const points = series.points;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const budget = series.monthlyBudget;
  const yMax = Math.max(...points.flatMap((p) => DEPLOYMENT_OPTIONS.map((o) => p.monthly[o])), budget ?? 0, 1) * 1.05;
  // Requests a month over the roadmap; a pilot already at production volume still gets a visible axis.
  const x = scaleLinear().domain([first.requests, Math.max(last.requests, first.requests + 1)]).range([0, innerW]);
  const y = scaleLinear().domain([0, yMax]).range([innerH, 0]).nice();
  const pathFor = (o: DeploymentOption) =>
    line<ScalePoint>()
      .x((p) => x(p.requests))
      .y((p) => y(p.monthly[o]))(points) ?? '';

  const final = DEPLOYMENT_OPTIONS.map((o) => `${optionLabel(o)} ${money(last.monthly[o])}`).join(', ');
  const start = DEPLOYMENT_OPTIONS.map((o) => `${optionLabel(o)} ${money(first.monthly[o])}`).join(', ');
  const overAt = budget === null ? null : points.find((p) => DEPLOYMENT_OPTIONS.every((o) => p.monthly[o] > budget));
  const budgetWords =
    budget === null
      ? ''
      : overAt
        ? ` Every option is over the ${money(budget)} budget from ${formatNumber(overAt.requests, 0)} requests a month.`
        : ` At least one option stays within the ${money(budget)} budget all the way to production.`;
  const summary = `Monthly cost at today's volume (${formatNumber(first.requests, 0)} requests a month): ${start}; at production (${formatNumber(last.requests, 0)}): ${final}.${budgetWords}`;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Monthly cost from pilot to production volume. ${summary}`}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {y.ticks(5).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x2={innerW} className="grid-line" />
              <text x={-8} dy="0.32em" textAnchor="end" className="tick-label">
                {formatAmount(t, currency, true)}
              </text>
            </g>
          ))}
          {x.ticks(6).map((t) => (
            <g key={t} transform={`translate(${x(t)},${innerH})`}>
              <line y2={5} className="axis-line" />
              <text y={18} textAnchor="middle" className="tick-label">
                {shortCount(t)}
              </text>
            </g>
          ))}
          <text x={innerW / 2} y={innerH + 38} textAnchor="middle" className="axis-title">
            Requests a month over the roadmap, from today’s volume to production
          </text>
          <text transform={`translate(${-52},${innerH / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
            {currency} per month
          </text>
          {budget !== null && (
            <g transform={`translate(0,${y(budget)})`} className="budget-line">
              <line x2={innerW} />
              <text x={4} y={-5}>
                budget {money(budget)}
              </text>
            </g>
          )}
          {DEPLOYMENT_OPTIONS.map((o, i) => (
            <path key={o} d={pathFor(o)} fill="none" stroke={seriesColour(i)} strokeWidth={2.5} strokeDasharray={i % 2 === 1 ? '6 3' : undefined} />
          ))}
        </g>
      </svg>
      <figcaption>
        <SeriesLegend items={DEPLOYMENT_OPTIONS.map((o) => ({ key: o, label: optionLabel(o) }))} />
        <p className="chart-summary">{summary}</p>
      </figcaption>
    </figure>
  );
}
