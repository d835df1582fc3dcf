import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '../port';

export interface ContractStore {
  store: EventStore;
  cleanup: () => Promise<void>;
}

/** The store of the running test; a fresh one per test, made by the adapter's spec file. */
export type CurrentStore = () => EventStore;

/** A stream name no other test (or earlier run against a shared server) has used. */
export function uniqueStream(label = 'contract'): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** UUIDs, since KurrentDB wants them; other adapters take any string. */
export function newEvent(type = 'Happened', data: unknown = { n: 1 }): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      userId: 'user-1',
      via: 'system',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      at: 1_700_000_000_000,
    },
  };
}

export function newEvents(count: number, type = 'Happened'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }));
}

export function ids(events: readonly (NewEvent | StoredEvent)[]): string[] {
  return events.map((event) => event.id);
}

/** Waits until the condition holds, polling, or fails with the message after the timeout. */
export async function eventually(
  condition: () => boolean,
  message: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The rejection of a promise that must reject, for assertions on its fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
