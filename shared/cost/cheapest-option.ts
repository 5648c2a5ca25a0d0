import { DEPLOYMENT_OPTIONS, type DeploymentOption, type OptionTotals } from './deployment-option';

/** The option with the lowest monthly total; ties go to the earlier of cloud, on-premises, hybrid. */
export function cheapestOption(monthly: OptionTotals): DeploymentOption {
  let best: DeploymentOption = DEPLOYMENT_OPTIONS[0];
  for (const option of DEPLOYMENT_OPTIONS) if (monthly[option] < monthly[best]) best = option;
  return best;
}

/**
 * Every option as cheap as the cheapest to the whole dollar (what screens and records print): a tie is shown as
 * a tie. In the order cloud, on-premises, hybrid.
 */
export function cheapestOptions(monthly: OptionTotals): DeploymentOption[] {
  const least = Math.round(monthly[cheapestOption(monthly)]);
  return DEPLOYMENT_OPTIONS.filter((option) => Math.round(monthly[option]) === least);
}
