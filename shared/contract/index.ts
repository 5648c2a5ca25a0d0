export * from './result';
export * from './issues';
export * from './workshop';
export * from './app-info';
export * from './channel-names';
export * from './channels';
export type * from './api';
export * from './workshop-state';
export * from './exports';
