import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { DEPLOYMENT_OPTIONS, formatMoney, formatNumber, type CurrencyCode, type DeploymentOption, type PilotToProductionSeries, type ScalePoint } from '../../../shared/cost';
import { seriesColour } from '../../components/palette';
import { shortCount } from './cost-form';
import { COST_CHART_MARGIN, CostChartFrame } from './cost-chart';
import { plotSize } from '../../components/Chart';

interface ScaleChartProps {
  series: PilotToProductionSeries;
  optionLabel: (option: string) => string;
  /** The currency of the series' amounts. */
  currency: CurrencyCode;
  width?: number;
  height?: number;
}

/** Monthly cost of each option as every use case grows from today's volume to production, with the budget drawn when set. */
export function ScaleChart({ series, optionLabel, currency, width = 640, height = 300 }: ScaleChartProps) {
  const money = (value: number) => formatMoney(value, currency);
  const { innerW, innerH } = plotSize(width, height, COST_CHART_MARGIN);
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
    <CostChartFrame width={width} height={height} label={`Monthly cost from pilot to production volume. ${summary}`} summary={summary} optionLabel={optionLabel} currency={currency} x={{ scale: x, ticks: 6, format: shortCount, title: 'Requests a month over the roadmap, from today’s volume to production' }} y={y}>
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
    </CostChartFrame>
  );
}
