import { DEPLOYMENT_OPTIONS, type DeploymentOption } from './deployment-option';
import type { CostEstimate } from './estimate-cost';
import { formatPercent, formatUsd } from './format-number';

/** How an option's cost compares, for the engine's cost criterion. */
export interface CostSignal {
  option: DeploymentOption;
  /** Cheapest monthly total / this option's (0..1, 1 = cheapest; 1 for all when nothing costs anything). */
  relativeCost: number;
  /** This option's monthly total at the chosen volume, USD. */
  monthly: number;
  /** One or two sentences naming the numbers behind the score. */
  rationale: string;
}

/** Which volume the signals compare: the answers' (pilot) or the projected production volume (default). */
export interface CostSignalOptions {
  scale?: 'pilot' | 'production';
}

function countAccelerators(n: number): string {
  return n === 1 ? '1 accelerator' : `${n} accelerators`;
}

/**
 * Relative cost of cloud, on-premises and hybrid (cheapest / own, so 1 = cheapest) with a rationale naming
 * the monthly figures, the ratio to the cheapest, the owned fleet and the breakeven. Compares production
 * volume by default: cost at projected scale is what should drive the recommendation.
 */
export function costSignals(estimate: CostEstimate, options: CostSignalOptions = {}): CostSignal[] {
  const level = estimate.scale[options.scale ?? 'production'];
  const monthly = level.monthly;
  const scaleWords =
    options.scale === 'pilot' ? 'At the pilot volume' : `At production volume (${level.volumeFactor}× the pilot)`;
  const cheapestCost = Math.min(...DEPLOYMENT_OPTIONS.map((o) => monthly[o]));
  const cheapest = DEPLOYMENT_OPTIONS.filter((o) => monthly[o] === cheapestCost);
  const utilizationWords = estimate.unknownInputs.includes('sustainedGpuUtilization')
    ? `an assumed ${formatPercent(estimate.workload.utilization)}`
    : `the stated ${formatPercent(estimate.workload.utilization)}`;
  const breakeven = estimate.breakevenUtilization;

  return DEPLOYMENT_OPTIONS.map((option): CostSignal => {
    const cost = monthly[option];
    if (cheapestCost === 0 && cost === 0 && cheapest.length === DEPLOYMENT_OPTIONS.length) {
      return {
        option,
        relativeCost: 1,
        monthly: cost,
        rationale: `${scaleWords} no option costs anything: the answers give no training, inference or egress volume.`,
      };
    }
    const relativeCost = cost === 0 ? 1 : cheapestCost / cost;
    const others = DEPLOYMENT_OPTIONS.filter((o) => o !== option)
      .map((o) => `${formatUsd(monthly[o])} for ${o}`)
      .join(' and ');
    let sentence: string;
    if (cheapest.includes(option)) {
      const rank = cheapest.length > 1 ? 'jointly the cheapest' : 'the cheapest';
      sentence = `${scaleWords} ${option} is ${rank} option at ${formatUsd(cost)} a month, against ${others}.`;
    } else {
      const best = cheapest[0]!;
      const ratio = cheapestCost === 0 ? '' : `, ${(cost / cheapestCost).toFixed(2)}× the cheapest`;
      sentence = `${scaleWords} ${option} costs ${formatUsd(cost)} a month${ratio} (${best}: ${formatUsd(cheapestCost)}).`;
    }
    let detail: string;
    if (option === 'cloud') {
      const onDemand = level.cloudOnDemand;
      const spot = onDemand > cost ? ` Spot capacity for interruptible training saves ${formatUsd(onDemand - cost)} (all on demand: ${formatUsd(onDemand)}).` : '';
      const wins =
        breakeven === null
          ? ' Renting stays cheaper than owning at any utilization at these prices.'
          : ` Renting is cheaper than owning below ${formatPercent(breakeven)} sustained utilization; the fleet would run at ${utilizationWords}.`;
      detail = spot + wins;
    } else if (option === 'on-premises') {
      const wins =
        breakeven === null
          ? 'owning never beats renting within 0-100% utilization at these prices'
          : `owning beats renting above ${formatPercent(breakeven)}`;
      detail = ` It owns ${countAccelerators(level.accelerators['on-premises'])} at ${utilizationWords} sustained utilization; ${wins}.`;
    } else {
      detail = ` It owns ${countAccelerators(level.accelerators.hybrid)} for inference and rents training in the cloud, spot where tolerated.`;
    }
    return { option, relativeCost, monthly: cost, rationale: sentence + detail };
  });
}
