export * from './port';
export * from './checkpoints';
export * from './errors';
export * from './adapters/memory';
export * from './adapters/sqlite';
export * from './adapters/jetstream';
export * from './adapters/kurrentdb';
export * from './create-event-store';
