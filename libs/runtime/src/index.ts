export * from './tokens';
export * from './runtime';
export * from './runtime.module';
export * from './lifecycle-requests';
export * from './lifecycle.controller';
export * from './tags.controller';
export * from './boot';
export * from './message-handlers';
