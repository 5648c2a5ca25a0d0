export * from './deps';
export * from './registry';
export * from './invoke';
export * from './seed';
