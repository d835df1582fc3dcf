import { EventStoreError } from './errors';

/**
 * JSON text of an event's data or metadata. `undefined` is stored as `null`, the nearest JSON
 * has; what JSON cannot hold at all (BigInt, cycles) is refused as INVALID_APPEND rather than
 * surfacing as a bare TypeError from deep inside an adapter.
 */
export function toJson(value: unknown, what: string): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (error) {
    throw new EventStoreError('INVALID_APPEND', `${what} is not JSON: ${String(error)}`, { what });
  }
}
