/** The options of the `deployment` decision, in the order every cost output lists them. */
export const DEPLOYMENT_OPTIONS = ['cloud', 'on-premises', 'hybrid'] as const;

/** One option of the `deployment` decision (ids are part of the public file formats). */
export type DeploymentOption = (typeof DEPLOYMENT_OPTIONS)[number];

/** A monthly amount in USD for each deployment option. */
export type OptionTotals = Record<DeploymentOption, number>;

