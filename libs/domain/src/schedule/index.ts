export * from './english';
export * from './schedule';
export * from './validate';
export * from './ticks';
export * from './claims';
export * from './startup';
