export * from './status';
export * from './flags';
export * from './format';
export * from './filter';
