export * from './kurrentdb-checkpoint-store';
export * from './kurrentdb-event-store';
