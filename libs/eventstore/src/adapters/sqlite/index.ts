export * from './sqlite-checkpoint-store';
export type { SqliteDurability } from './sqlite-database';
export * from './sqlite-event-store';
