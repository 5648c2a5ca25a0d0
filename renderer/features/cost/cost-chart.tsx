import type { ScaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { DEPLOYMENT_OPTIONS, formatAmount, type CurrencyCode } from '../../../shared/cost';
import { ChartAxes, ChartFrame, plotSize, type AxisSpec, type ChartMargin } from '../../components/Chart';

/** The cost charts' margin: room on the left for amounts such as "120k". */
export const COST_CHART_MARGIN: ChartMargin = { top: 22, right: 24, bottom: 44, left: 64 };

/**
 * A cost chart: a line per deployment option (its legend in the options' order, which their colours follow), monthly
 * amounts in the workshop's currency up the side (shortened: "15k"), and `x` along the bottom.
 */
export function CostChartFrame({
  width,
  height,
  label,
  summary,
  optionLabel,
  currency,
  x,
  y,
  children,
}: {
  width: number;
  height: number;
  label: string;
  summary: string;
  optionLabel: (option: string) => string;
  currency: CurrencyCode;
  x: AxisSpec;
  y: ScaleLinear<number, number>;
  children: ReactNode;
}) {
  const { innerW, innerH } = plotSize(width, height, COST_CHART_MARGIN);
  return (
    <ChartFrame width={width} height={height} margin={COST_CHART_MARGIN} label={label} legend={DEPLOYMENT_OPTIONS.map((o) => ({ key: o, label: optionLabel(o) }))} summary={summary}>
      <ChartAxes
        width={innerW}
        height={innerH}
        yTitleOffset={52}
        x={x}
        y={{ scale: y, ticks: 5, format: (t: number) => formatAmount(t, currency, true), title: `${currency} per month` }}
      />
      {children}
    </ChartFrame>
  );
}
