export * from './run-main';
export * from './connection-limits';
export * from './process-logger';
export * from './config-error';
export * from './process-group';
