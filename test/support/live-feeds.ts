import type { EventStore } from '@monitor/eventstore';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import type { EmbeddedMonitor } from './embedded';

/** The metadata of events a test appends to the store itself, as the system. */
export const SYSTEM_META = {
  userId: 'system',
  via: 'system' as const,
  correlationId: 'c',
  causationId: 'c',
  at: 1,
};

/** Waits until `condition` holds, looking every 20 ms; fails the test if it did not in `ms`. */
export async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}

/**
 * Appends `batches` of 100 DeploymentStateObserved events of 16 KB each to `stream` (ids
 * `<tag>-<batch>-<i>`): more than a feed buffers for a client that stopped reading.
 */
export async function floodDeploymentStatus(
  store: EventStore,
  stream: string,
  tag: string,
  batches: number,
): Promise<void> {
  const filler = 'f'.repeat(16_000);
  for (let batch = 0; batch < batches; batch++) {
    await store.append(
      stream,
      Array.from({ length: 100 }, (_, i) => ({
        id: `${tag}-${batch}-${i}`,
        type: 'DeploymentStateObserved',
        data: { state: 'running', image: 'app:1', at: i, filler },
        metadata: SYSTEM_META,
      })),
      'any',
    );
  }
}

/**
 * A graphql-ws client of the Monitor's /graphql, connecting at once with `connectionParams`:
 * the sockets it opened (to stop one reading) and how each connection closed (a refused or
 * dropped one is what some cases expect).
 */
export function graphqlWs(monitor: EmbeddedMonitor, connectionParams: Record<string, unknown>) {
  const sockets: WebSocket[] = [];
  const closes: { code: number; reason: string }[] = [];
  class TrackedWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.push(this);
    }
  }
  const client = createClient({
    url: `${monitor.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: TrackedWebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closes.push({ code, reason: String(reason) });
      },
    },
  });
  return { client, sockets, closes };
}

export type SubscriptionResult = FormattedExecutionResult<
  Record<string, Record<string, unknown>>,
  unknown
>;

/** One operation over graphql-ws: its results as they come, its end (complete or error). */
export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const state = {
    results: [] as SubscriptionResult[],
    ended: undefined as undefined | { error?: unknown },
    stop: () => undefined as void,
    /** Every error so far, in its results and its end, as JSON. */
    errors: (): string[] => [
      ...state.results.flatMap((r) => (r.errors ?? []).map((e) => JSON.stringify(e))),
      ...(state.ended?.error ? [JSON.stringify(state.ended.error)] : []),
    ],
  };
  state.stop = client.subscribe<Record<string, Record<string, unknown>>>(
    { query, variables },
    {
      next: (result) => void state.results.push(result),
      error: (error) => (state.ended = { error }),
      complete: () => (state.ended ??= {}),
    },
  );
  return state;
}
