export * from './jetstream-checkpoint-store';
export * from './jetstream-event-store';
export { decodeStreamToken, encodeStreamToken } from './subject-token';
export { EVENTS_PER_ENVELOPE } from './positions';
