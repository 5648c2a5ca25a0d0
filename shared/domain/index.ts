// The domain model: what a workshop is (details, participants, use cases, answers, room choices, stack edits).
// The floor of shared/: it imports nothing else of Stratum's, and everything that reads workshops builds on it.
export * from './id';
export * from './humanize';
export * from './stack-vocabulary';
export * from './workshop';
export * from './participant';
export * from './answers';
export * from './room-choice';
export * from './use-case';
export * from './diagram-overrides';
export * from './workshop-state';
export * from './migrate-workshop-state';
