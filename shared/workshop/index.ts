// A workshop as a whole: evaluated from its saved state, and drawn as a stack.
export * from './evaluate-workshop';
export * from './applied-choice';
export * from './workshop-cost-assumptions';
export * from './workshop-stack';
export * from './workshop-cost';
export * from './budget-risk';
export * from './compare-revisions';
export * from './portfolio-rows';
