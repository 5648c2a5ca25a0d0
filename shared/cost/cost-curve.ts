import { breakevenUtilization } from './breakeven';
import { DEFAULT_COST_ASSUMPTIONS, type CostAssumptions } from './cost-assumptions';
import { MIN_UTILIZATION, type CostInputs } from './cost-inputs';
import type { OptionTotals } from './deployment-option';
import { priceWorkload, type OwnedAccelerators } from './price-workload';
import { resolveWorkload } from './workload';

/** The utilization range of a cost curve: `steps` intervals from `from` to `to`, so steps + 1 points. */
export interface CostCurveRange {
  from?: number;
  to?: number;
  steps?: number;
}

/** Monthly cost of each option if the owned fleet ran at `utilization`. */
export interface CostCurvePoint {
  utilization: number;
  monthly: OptionTotals;
  cloudOnDemand: number;
  accelerators: OwnedAccelerators;
}

/** Monthly cost against utilization, with the breakeven and the workshop's utilization to mark. */
export interface CostCurve {
  points: CostCurvePoint[];
  breakevenUtilization: number | null;
  /** The utilization the estimate uses (the answer, or the fallback when unknown). */
  statedUtilization: number;
  /** False when the room gave no usable utilization and the fallback is shown. */
  utilizationKnown: boolean;
}

/** Defaults: 5% to 100% in 1-point steps. */
export const DEFAULT_CURVE_RANGE: Readonly<Required<CostCurveRange>> = Object.freeze({ from: 0.05, to: 1, steps: 95 });

const MAX_STEPS = 1_000;

function clampUtilization(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(1, Math.max(MIN_UTILIZATION, value));
}

/**
 * Monthly cost of cloud, on-premises and hybrid against sustained utilization at the answers' volume, for the
 * Cost step's chart. Cloud is flat (renting bills hours used); owned fleets step down as utilization rises.
 * The range is clamped to MIN_UTILIZATION..1 and 1..1,000 steps rather than refused.
 */
export function costCurve(
  inputs: CostInputs,
  assumptions: CostAssumptions = DEFAULT_COST_ASSUMPTIONS,
  range: CostCurveRange = {},
): CostCurve {
  const { workload, unknownInputs } = resolveWorkload(inputs, assumptions);
  let from = clampUtilization(range.from, DEFAULT_CURVE_RANGE.from);
  let to = clampUtilization(range.to, DEFAULT_CURVE_RANGE.to);
  if (from > to) [from, to] = [to, from];
  const steps =
    range.steps === undefined || !Number.isFinite(range.steps)
      ? DEFAULT_CURVE_RANGE.steps
      : Math.min(MAX_STEPS, Math.max(1, Math.round(range.steps)));
  const points: CostCurvePoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const utilization = i === steps ? to : from + ((to - from) * i) / steps;
    const priced = priceWorkload({ ...workload, utilization }, assumptions);
    points.push({ utilization, monthly: priced.monthly, cloudOnDemand: priced.cloudOnDemand.monthly, accelerators: priced.accelerators });
  }
  return {
    points,
    breakevenUtilization: breakevenUtilization(workload, assumptions),
    statedUtilization: workload.utilization,
    utilizationKnown: !unknownInputs.includes('sustainedGpuUtilization'),
  };
}
