import type { CostAssumptions } from './cost-assumptions';
import { DEPLOYMENT_OPTIONS, type OptionTotals } from './deployment-option';
import { priceRoadmap } from './price-roadmap';
import { MIN_UTILIZATION, type CostRoadmap } from './roadmap-inputs';
import { resolveRoadmap } from './resolve-roadmap';
import { breakevenUtilization } from './breakeven';

/** The utilization range of a cost curve: `steps` intervals from `from` to `to`, so steps + 1 points. */
export interface CostCurveRange {
  from?: number;
  to?: number;
  steps?: number;
}

/** Monthly cost of each option at production volume if owned accelerators ran at `utilization`. */
export interface CostCurvePoint {
  utilization: number;
  monthly: OptionTotals;
}

/** Monthly cost against utilization, with the breakeven and the room's utilization to mark. */
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
 * Monthly cost of each deployment option against sustained utilization at production volume, for the Cost step's
 * chart: what is rented is flat, what is owned steps down as utilization rises. The range is clamped to
 * MIN_UTILIZATION..1 and 1..1,000 steps rather than refused.
 */
export function costCurve(roadmap: CostRoadmap, assumptions: CostAssumptions, range: CostCurveRange = {}): CostCurve {
  const resolved = resolveRoadmap(roadmap.organisation, roadmap.useCases, assumptions);
  let from = clampUtilization(range.from, DEFAULT_CURVE_RANGE.from);
  let to = clampUtilization(range.to, DEFAULT_CURVE_RANGE.to);
  if (from > to) [from, to] = [to, from];
  const steps = range.steps === undefined || !Number.isFinite(range.steps) ? DEFAULT_CURVE_RANGE.steps : Math.min(MAX_STEPS, Math.max(1, Math.round(range.steps)));
  const points: CostCurvePoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const utilization = i === steps ? to : from + ((to - from) * i) / steps;
    const monthly = {} as OptionTotals;
    for (const option of DEPLOYMENT_OPTIONS) monthly[option] = priceRoadmap(resolved, roadmap.placements[option], 'production', assumptions, { utilization }).monthly;
    points.push({ utilization, monthly });
  }
  return { points, breakevenUtilization: breakevenUtilization(resolved, assumptions), statedUtilization: resolved.utilization, utilizationKnown: resolved.utilizationKnown };
}
