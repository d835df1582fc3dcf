export * from './run-main';
export * from './connection-limits';
