import { DEPLOYMENT_OPTIONS, type DeploymentOption, type OptionTotals } from './deployment-option';

/** The option with the lowest monthly total; ties go to the earlier of cloud, on-premises, hybrid. */
export function cheapestOption(monthly: OptionTotals): DeploymentOption {
  let best: DeploymentOption = DEPLOYMENT_OPTIONS[0];
  for (const option of DEPLOYMENT_OPTIONS) if (monthly[option] < monthly[best]) best = option;
  return best;
}
