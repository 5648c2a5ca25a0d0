import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { SensitivitySweep } from '../../../shared/engine';
import { seriesColour } from '../../components/palette';
import { ChartAxes, ChartFrame, plotSize } from '../../components/Chart';

interface SensitivityChartProps {
  sweep: SensitivitySweep;
  criterionLabel: string;
  currentWeight: number;
  optionLabel: (option: string) => string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 16, right: 24, bottom: 44, left: 48 };

/** Each option's score as one criterion's weight sweeps 0..5: d3 computes the scales and paths, React draws them. */
export function SensitivityChart({ sweep, criterionLabel, currentWeight, optionLabel, width = 640, height = 280 }: SensitivityChartProps) {
  const { innerW, innerH } = plotSize(width, height, MARGIN);
  // A line for every option with a score somewhere on the sweep: a derived option out of reach now may come in
  // reach at another weight (the flip point can name it), and its line shows where.
  const drawn = (o: SensitivitySweep['options'][number]) => o.scores.some((v) => v !== null);
  const all = sweep.options.filter(drawn).flatMap((o) => o.scores.filter((v): v is number => v !== null));
  const lo = Math.max(0, Math.min(...all, 1) - 0.05);
  const hi = Math.min(1, Math.max(...all, 0) + 0.05);
  const x = scaleLinear().domain([0, sweep.weights[sweep.weights.length - 1] ?? 5]).range([0, innerW]);
  const y = scaleLinear().domain([lo, hi]).range([innerH, 0]).nice();
  // A derived option out of reach at some weights leaves a gap there rather than a score of zero.
  const path = line<number | null>()
    .defined((d) => d !== null)
    .x((_, i) => x(sweep.weights[i] ?? 0))
    .y((d) => y(d ?? 0));
  const partial = sweep.options.some((o) => drawn(o) && o.scores.some((v) => v === null));
  const flips = [sweep.flipPoint?.raise, sweep.flipPoint?.lower].filter((f): f is NonNullable<typeof f> => !!f && f.withinScale);
  const summary =
    flips.length > 0
      ? `The recommendation changes when ${criterionLabel} is weighted ${flips.map((f) => `${f.atWeight.toFixed(2)} (to ${optionLabel(f.to)})`).join(' or ')}; it is now ${currentWeight.toFixed(1)}.`
      : `The recommendation does not change anywhere from 0 to 5 on ${criterionLabel}; it is now ${currentWeight.toFixed(1)}.`;

  return (
    <ChartFrame width={width} height={height} margin={MARGIN} label={`Option scores as the weight of ${criterionLabel} goes from 0 to 5. ${summary}`} legend={sweep.options.map((o) => ({ key: o.option, label: `${optionLabel(o.option)}${!drawn(o) ? ' (excluded)' : o.excluded ? ' (out of reach now)' : ''}`, muted: !drawn(o) }))} summary={`${summary}${partial ? ' A line stops where no placement of the use cases gives that option.' : ''}`}>
      <ChartAxes
        width={innerW}
        height={innerH}
        yTitleOffset={36}
        x={{ scale: x, ticks: 5, format: (t) => t, title: `Weight of ${criterionLabel}` }}
        y={{ scale: y, ticks: 5, format: (t) => Math.round(t * 100), title: 'Score' }}
      />
      {flips.map((f) => (
        <g key={`${f.to}-${f.atWeight}`} transform={`translate(${x(f.atWeight)},0)`} className="flip-marker">
          <line y2={innerH} />
          <text y={-4} textAnchor="middle">
            flips to {optionLabel(f.to)}
          </text>
        </g>
      ))}
      <g transform={`translate(${x(currentWeight)},0)`} className="current-marker">
        <line y2={innerH} />
        <text y={innerH - 6} x={4} className="tick-label">
          now {currentWeight.toFixed(1)}
        </text>
      </g>
      {sweep.options.map((o, i) =>
        !drawn(o) ? null : (
          <path key={o.option} d={path(o.scores) ?? ''} fill="none" stroke={seriesColour(i)} strokeWidth={2.5} strokeDasharray={i % 2 === 1 ? '6 3' : undefined} />
        ),
      )}
    </ChartFrame>
  );
}
