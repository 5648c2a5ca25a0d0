import type { ScaleLinear } from 'd3-scale';
import { DEPLOYMENT_OPTIONS, formatAmount, type CurrencyCode } from '../../../shared/cost';
import type { ChartMargin } from '../../components/Chart';
import type { SeriesLegendItem } from '../../components/SeriesLegend';

/** The cost charts' margin: room on the left for amounts such as "120k". */
export const COST_CHART_MARGIN: ChartMargin = { top: 22, right: 24, bottom: 44, left: 64 };

/** The y axis of a cost chart: monthly amounts in the workshop's currency, shortened ("15k"). */
export function monthlyAmountAxis(scale: ScaleLinear<number, number>, currency: CurrencyCode) {
  return { scale, ticks: 5, format: (t: number) => formatAmount(t, currency, true), title: `${currency} per month` };
}

/** A line per deployment option, in the options' order (the order their colours follow). */
export function deploymentLegend(optionLabel: (option: string) => string): SeriesLegendItem[] {
  return DEPLOYMENT_OPTIONS.map((o) => ({ key: o, label: optionLabel(o) }));
}
