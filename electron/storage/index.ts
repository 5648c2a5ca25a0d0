export * from './database';
export * from './migrations';
export * from './workshop-repository';
export * from './settings-repository';
export * from './data-dir';
export * from './example-workshop';
export * from './workshop-state-repository';
export * from './milestone-repository';
