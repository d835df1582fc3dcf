export * from './log-tail';
export * from './outcome-alert';
