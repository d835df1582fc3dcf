export * from './memory-checkpoint-store';
export * from './memory-event-store';
