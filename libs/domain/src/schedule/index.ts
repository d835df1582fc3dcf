export * from './english';
export * from './schedule';
export * from './validate';
