import type { ScaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { SeriesLegend, type SeriesLegendItem } from './SeriesLegend';

export interface AxisSpec {
  scale: ScaleLinear<number, number>;
  ticks: number;
  format: (value: number) => ReactNode;
  title: ReactNode;
}

/** A chart's grid, tick labels and axis titles inside its plot area (`width` × `height`); `yTitleOffset` clears the widest tick label. */
export function ChartAxes({ x, y, width, height, yTitleOffset }: { x: AxisSpec; y: AxisSpec; width: number; height: number; yTitleOffset: number }) {
  return (
    <>
      {y.scale.ticks(y.ticks).map((t) => (
        <g key={t} transform={`translate(0,${y.scale(t)})`}>
          <line x2={width} className="grid-line" />
          <text x={-8} dy="0.32em" textAnchor="end" className="tick-label">
            {y.format(t)}
          </text>
        </g>
      ))}
      {x.scale.ticks(x.ticks).map((t) => (
        <g key={t} transform={`translate(${x.scale(t)},${height})`}>
          <line y2={5} className="axis-line" />
          <text y={18} textAnchor="middle" className="tick-label">
            {x.format(t)}
          </text>
        </g>
      ))}
      <text x={width / 2} y={height + 38} textAnchor="middle" className="axis-title">
        {x.title}
      </text>
      <text transform={`translate(${-yTitleOffset},${height / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
        {y.title}
      </text>
    </>
  );
}

/** Space around a chart's plot area for tick labels and axis titles. */
export interface ChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plot area's size inside a chart of `width` × `height`. */
export function plotSize(width: number, height: number, margin: ChartMargin): { innerW: number; innerH: number } {
  return { innerW: width - margin.left - margin.right, innerH: height - margin.top - margin.bottom };
}

/**
 * A chart as a figure: the SVG (named by `label`, which ends with the summary so a screen reader hears it all),
 * its plot area moved inside the margin, and a caption with the series' legend and the summary in words.
 */
export function ChartFrame({ width, height, margin, label, legend, summary, children }: { width: number; height: number; margin: ChartMargin; label: string; legend: SeriesLegendItem[]; summary: ReactNode; children: ReactNode }) {
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <g transform={`translate(${margin.left},${margin.top})`}>{children}</g>
      </svg>
      <figcaption>
        <SeriesLegend items={legend} />
        <p className="chart-summary">{summary}</p>
      </figcaption>
    </figure>
  );
}
