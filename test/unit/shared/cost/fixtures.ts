import {
  DEFAULT_COST_ASSUMPTIONS,
  type CostAssumptions,
  type CostRoadmap,
  type OrganisationCostInput,
  type Placement,
  type UseCaseCostInput,
} from '../../../../shared/cost';
import type { AnswerValue } from '../../../../shared/domain';

export const DEFAULTS: CostAssumptions = { ...DEFAULT_COST_ASSUMPTIONS };

/**
 * The worked example (figures in price-roadmap.test.ts): an organisation whose owned fleet would run at 50%
 * (730 × 0.5 = 365 busy hours per accelerator a month), with 2 spare accelerators, some data-centre capacity
 * already (half of the 40,000 USD fixed cost is new: 20,000) and 10 TB of egress a month (10,000 GB × 0.09 = 900 USD).
 */
export const WORKED_ORGANISATION: OrganisationCostInput = {
  sustainedGpuUtilization: 0.5,
  spareAccelerators: 2,
  egressTbPerMonth: 10,
  existingOnPremCapacity: 'some',
};

/** Foundation-model API: 200,000 calls now, 2,000,000 in production, 1,500 tokens a call at 0.005 USD per 1,000. */
export const SUPPORT: UseCaseCostInput = {
  id: 'support',
  name: 'Support assistant',
  task: 'language-generation',
  requestsNow: 200_000,
  requestsInProduction: 2_000_000,
  trainingGpuHours: null,
  interruptionTolerance: null,
  sourcing: 'foundation-model-apis',
};

/**
 * Its own vision model: 73,000,000 images now and 365,000,000 in production at 1,000,000 an accelerator-hour
 * (73 h and 365 h); 730 h of training a month, 90% of it interruptible ('high').
 */
export const INSPECTION: UseCaseCostInput = {
  id: 'inspection',
  name: 'Visual inspection',
  task: 'vision',
  requestsNow: 73_000_000,
  requestsInProduction: 365_000_000,
  trainingGpuHours: 730,
  interruptionTolerance: 'high',
  sourcing: 'custom-platform',
};

/**
 * A language model on a managed platform (+25%): 365,000 documents now and 3,650,000 in production at 10,000 an
 * accelerator-hour (36.5 h and 365 h); 365 h of fine-tuning a month, half of it interruptible ('some').
 */
export const CONTRACTS: UseCaseCostInput = {
  id: 'contracts',
  name: 'Contract review',
  task: 'language-generation',
  requestsNow: 365_000,
  requestsInProduction: 3_650_000,
  trainingGpuHours: 365,
  interruptionTolerance: 'some',
  sourcing: 'managed-ml-platform',
};

const API: Placement = { serving: null, training: null };

/**
 * Where each deployment option puts them: the cloud rents everything; on-premises serves the inspection at the
 * sites (the edge) and the rest in the data centre; hybrid serves as on-premises does but trains the inspection
 * model in the cloud. The API is the provider's in every option.
 */
export const WORKED: CostRoadmap = {
  organisation: WORKED_ORGANISATION,
  useCases: [SUPPORT, INSPECTION, CONTRACTS],
  placements: {
    cloud: [API, { serving: 'cloud', training: 'cloud' }, { serving: 'cloud', training: 'cloud' }],
    'on-premises': [API, { serving: 'edge', training: 'on-premises' }, { serving: 'on-premises', training: 'on-premises' }],
    hybrid: [API, { serving: 'edge', training: 'cloud' }, { serving: 'on-premises', training: 'on-premises' }],
  },
};

/** Amortized purchase of one accelerator a month with the defaults: 30,000 / 36. */
export const PER_ACCELERATOR = 30_000 / 36;

/**
 * As a workshop answers them (by the pack's factor ids): a firm with a data centre and the skills to run it, whose
 * owned fleet would be busy (85%, steady), and a language model of its own that it serves at volume and trains.
 * Rented at 1 USD an accelerator-hour the model stays in the cloud; at 30 owning wins (cost-criterion.test.ts,
 * workshop-cost-assumptions.test.ts).
 */
export const BUSY_DATA_CENTRE_ANSWERS: Readonly<Record<string, AnswerValue>> = {
  sustainedGpuUtilization: 0.85,
  spareAccelerators: 0,
  existingOnPremCapacity: 'significant',
  opsExpertise: 'high',
  mlExpertise: 'high',
  workloadPattern: 'steady',
};
export const OWN_LANGUAGE_MODEL_ANSWERS: Readonly<Record<string, AnswerValue>> = {
  task: 'language-generation',
  usage: 'interactive',
  customizationNeed: 'high',
  dataSensitivity: 'internal',
  dataLocation: 'cloud',
  requestsPerMonthNow: 10_000_000,
  requestsPerMonthInProduction: 365_000_000,
  monthlyTrainingGpuHours: 2_000,
  interruptionTolerance: 'none',
};
