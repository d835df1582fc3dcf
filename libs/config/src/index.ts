export * from './monitor-config';
export * from './load-config';
export * from './limits-settings';
