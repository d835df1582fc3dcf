export * from './monitor-config';
export * from './load-config';
export * from './limits-settings';
export * from './log-level';
export * from './levelled-logger';
export * from './aws-settings';
export * from './alerter-settings';
export * from './procedure-settings';
