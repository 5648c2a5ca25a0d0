import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { DEPLOYMENT_OPTIONS, formatMoney, formatPercent, type CostCurve, type CurrencyCode, type CostCurvePoint } from '../../../shared/cost';
import { seriesColour } from '../../components/palette';
import { COST_CHART_MARGIN, CostChartFrame } from './cost-chart';
import { plotSize } from '../../components/Chart';

interface CostCurveChartProps {
  curve: CostCurve;
  /** Words for the volume the curve is priced at ("at production volume"). */
  volumeWords: string;
  optionLabel: (option: string) => string;
  /** The currency of the curve's amounts. */
  currency: CurrencyCode;
  width?: number;
  height?: number;
}

/** The option that costs least at a point (first in option order on a tie). */
function cheapestAt(point: CostCurvePoint): string {
  let best: (typeof DEPLOYMENT_OPTIONS)[number] = DEPLOYMENT_OPTIONS[0];
  for (const o of DEPLOYMENT_OPTIONS) if (point.monthly[o] < point.monthly[best]) best = o;
  return best;
}

/**
 * Monthly cost of each deployment option against the sustained utilization of owned accelerators, with the
 * breakeven and the workshop's utilization marked: d3 computes the scales and paths, React draws them.
 */
export function CostCurveChart({ curve, volumeWords, optionLabel, currency, width = 640, height = 300 }: CostCurveChartProps) {
  const money = (value: number) => formatMoney(value, currency);
  const { innerW, innerH } = plotSize(width, height, COST_CHART_MARGIN);
  const points = curve.points;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  // Owned fleets cost most at low utilization; cap the axis so the interesting part is not squashed flat.
  const cloudMax = Math.max(...points.map((p) => p.monthly.cloud));
  const atStated = points.reduce((best, p) => (Math.abs(p.utilization - curve.statedUtilization) < Math.abs(best.utilization - curve.statedUtilization) ? p : best), first);
  const focusMax = Math.max(cloudMax, ...DEPLOYMENT_OPTIONS.map((o) => atStated.monthly[o])) * 1.6;
  const allMax = Math.max(...points.flatMap((p) => DEPLOYMENT_OPTIONS.map((o) => p.monthly[o])), 1);
  const yMax = Math.min(allMax, Math.max(focusMax, 1)) * 1.05;
  const x = scaleLinear().domain([first.utilization, last.utilization]).range([0, innerW]);
  const y = scaleLinear().domain([0, yMax]).range([innerH, 0]).nice();
  const top = y.domain()[1]!;
  // Points above the axis are left out rather than flattened against it: the line enters from the top.
  const pathFor = (o: (typeof DEPLOYMENT_OPTIONS)[number]) =>
    line<CostCurvePoint>()
      .defined((p) => p.monthly[o] <= top)
      .x((p) => x(p.utilization))
      .y((p) => y(p.monthly[o]))(points) ?? '';

  const breakeven = curve.breakevenUtilization;
  const stated = curve.statedUtilization;
  const statedWords = `${curve.utilizationKnown ? 'stated' : 'assumed'} utilization ${formatPercent(stated)}`;
  const cheapest = optionLabel(cheapestAt(atStated));
  const summary =
    (breakeven === null
      ? 'Owning never beats renting at these prices, whatever the utilization.'
      : `Owning beats renting above ${formatPercent(breakeven)} sustained utilization.`) +
    ` At the ${statedWords}, ${cheapest} costs least ${volumeWords}: cloud ${money(atStated.monthly.cloud)}, on-premises ${money(atStated.monthly['on-premises'])}, hybrid ${money(atStated.monthly.hybrid)} a month.`;
  const showBreakeven = breakeven !== null && breakeven >= first.utilization && breakeven <= last.utilization;
  // Keep the two marker labels apart: the breakeven's at the top, the workshop's at the bottom.
  const statedRight = x(stated) < innerW - 150;

  return (
    <CostChartFrame width={width} height={height} label={`Monthly cost against sustained utilization, ${volumeWords}. ${summary}`} summary={summary} optionLabel={optionLabel} currency={currency} x={{ scale: x, ticks: 6, format: formatPercent, title: 'Sustained utilization of owned accelerators' }} y={y}>
      {DEPLOYMENT_OPTIONS.map((o, i) => (
        <path key={o} d={pathFor(o)} fill="none" stroke={seriesColour(i)} strokeWidth={2.5} strokeDasharray={i % 2 === 1 ? '6 3' : undefined} />
      ))}
      {showBreakeven && (
        <g transform={`translate(${x(breakeven)},0)`} className="breakeven-marker">
          <line y1={-6} y2={innerH} />
          <text y={-10} textAnchor="middle">
            breakeven {formatPercent(breakeven)}
          </text>
        </g>
      )}
      <g transform={`translate(${x(stated)},0)`} className="current-marker">
        <line y2={innerH} />
        <text y={innerH - 8} x={statedRight ? 6 : -6} textAnchor={statedRight ? 'start' : 'end'} className="tick-label">
          {statedWords}
        </text>
      </g>
    </CostChartFrame>
  );
}
