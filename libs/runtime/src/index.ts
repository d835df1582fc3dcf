export * from './tokens';
export * from './runtime';
export * from './runtime.module';
export * from './lifecycle-requests';
export * from './lifecycle.controller';
export * from './boot';
export * from './message-handlers';
// Every core process starts and serves as the agent does, which loads @monitor/process alone.
export * from '@monitor/process';
export * from './checkpoint-feed';
