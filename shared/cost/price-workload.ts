import type { CostAssumptions } from './cost-assumptions';
import { cloudCost } from './cloud-cost';
import { breakdownTotal, type CostBreakdown } from './cost-breakdown';
import type { DeploymentOption, OptionTotals } from './deployment-option';
import { hybridCost } from './hybrid-cost';
import { onPremisesCost } from './on-premises-cost';
import type { Workload } from './workload';

/** Accelerators owned by the options that own some. */
export interface OwnedAccelerators {
  'on-premises': number;
  hybrid: number;
}

/** One workload priced under every option. */
export interface PricedWorkload {
  /** Monthly totals: cloud with spot where tolerated, on-premises, hybrid. */
  monthly: OptionTotals;
  breakdown: Record<DeploymentOption, CostBreakdown>;
  /** Everything in the cloud, all on demand (no spot). */
  cloudOnDemand: { monthly: number; breakdown: CostBreakdown };
  accelerators: OwnedAccelerators;
}

/** Prices a workload under cloud (spot and on demand), on-premises and hybrid. */
export function priceWorkload(workload: Workload, assumptions: CostAssumptions): PricedWorkload {
  const cloud = cloudCost(workload, assumptions, 'spot');
  const onDemand = cloudCost(workload, assumptions, 'on-demand');
  const owned = onPremisesCost(workload, assumptions);
  const hybrid = hybridCost(workload, assumptions);
  return {
    monthly: {
      cloud: breakdownTotal(cloud),
      'on-premises': breakdownTotal(owned.breakdown),
      hybrid: breakdownTotal(hybrid.breakdown),
    },
    breakdown: { cloud, 'on-premises': owned.breakdown, hybrid: hybrid.breakdown },
    cloudOnDemand: { monthly: breakdownTotal(onDemand), breakdown: onDemand },
    accelerators: { 'on-premises': owned.accelerators, hybrid: hybrid.accelerators },
  };
}
