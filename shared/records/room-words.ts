/** What the records say of the workshop room (participants on their own devices), in every format. */

/** Before the names of those whose weights came from their own device. */
export const OWN_DEVICE_WEIGHTS = 'Weights each entered on their own device, unseen by the others until revealed';

/** Before the list of a decision's votes. */
export const VOTES_HEADING = 'Votes cast on their own devices, unseen by the others until revealed';
