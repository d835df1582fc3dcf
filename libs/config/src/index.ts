export * from './monitor-config';
export * from './load-config';
