import { JetStreamEventStore, type NewEvent } from '@monitor/eventstore';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { BenchConfig } from './config';
import { benchEvent, benchEvents, StreamCursor } from './events';
import { inFlight, measure, type Measurement } from './measure';
import type { Comparison } from './report';

const encoder = new TextEncoder();

/** A bare publish of what an append of these events would carry, without its headers. */
function rawPayload(events: NewEvent[]): Uint8Array {
  return encoder.encode(JSON.stringify(events.map((event) => ({ ...event, schemaVersion: 1 }))));
}

interface Pair {
  raw: (n: number, lane: number) => Promise<unknown>;
  adapter: (n: number, lane: number) => Promise<unknown>;
}

/** One pair of raw and adapter workloads, run one after the other with the same shape. */
async function compare(
  count: number,
  width: number,
  pair: Pair,
): Promise<[Measurement, Measurement]> {
  const run = (task: Pair['raw']) =>
    measure(count, () => (width === 1 ? sequential(count, task) : inFlight(count, width, task)));
  const raw = await run(pair.raw);
  const adapter = await run(pair.adapter);
  return [adapter, raw];
}

async function sequential(count: number, task: Pair['raw']): Promise<void> {
  for (let n = 0; n < count; n++) await task(n, 0);
}

function appendsAround(
  store: JetStreamEventStore,
  label: string,
  streams: number,
  perAppend: number,
) {
  const cursor = new StreamCursor(label, streams);
  return async (n: number): Promise<void> => {
    const { stream, expected, advance } = cursor.next(n);
    await store.append(stream, benchEvents(perAppend, n * perAppend), expected);
    advance(perAppend);
  };
}

/** Each lane its own stream: appends in flight never race each other on one stream. */
function appendsPerLane(store: JetStreamEventStore, label: string, lanes: number) {
  const cursor = new StreamCursor(label, lanes);
  return async (n: number, lane: number): Promise<void> => {
    const { stream, expected, advance } = cursor.next(lane);
    await store.append(stream, [benchEvent(n)], expected);
    advance(1);
  };
}

function publishes(
  js: JetStreamClient,
  subjectPrefix: string,
  streams: number,
  perMessage: number,
) {
  const payload = rawPayload(benchEvents(perMessage));
  return (n: number): Promise<unknown> => js.publish(`${subjectPrefix}.s${n % streams}`, payload);
}

export async function benchJetStream(
  connection: NatsConnection,
  config: BenchConfig,
): Promise<Comparison[]> {
  const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
  const location = { stream: `BENCH_${run}`, prefix: `bench-${run}` };
  const jsm = await jetstreamManager(connection);
  const rawStream = `BENCH_RAW_${run}`;
  await jsm.streams.add({ name: rawStream, subjects: [`bench-raw-${run}.>`], storage: 'file' });
  const js = jetstream(connection);
  const store = await JetStreamEventStore.open(connection, location);
  const rawSubjects = `bench-raw-${run}`;
  try {
    const row = (
      name: string,
      unit: string,
      [adapter, raw]: [Measurement, Measurement],
    ): Comparison => ({
      engine: 'jetstream',
      case: name,
      unit,
      adapter,
      raw,
    });
    // Warm-up: JIT and the server's file store, not measured.
    await compare(500, 1, {
      raw: publishes(js, rawSubjects, config.streams, 1),
      adapter: appendsAround(store, 'warmup', config.streams, 1),
    });
    const single = row(
      'append 1 event, awaited one at a time',
      'appends',
      await compare(config.jetstreamSingle, 1, {
        raw: publishes(js, rawSubjects, config.streams, 1),
        adapter: appendsAround(store, 'single', config.streams, 1),
      }),
    );
    const parallel = row(
      `append 1 event, ${config.jetstreamInFlight} in flight`,
      'appends',
      await compare(config.jetstreamInFlightTotal, config.jetstreamInFlight, {
        raw: publishes(js, rawSubjects, config.streams, 1),
        adapter: appendsPerLane(store, 'parallel', config.jetstreamInFlight),
      }),
    );
    const [adapterBatched, rawBatched] = await compare(config.jetstreamBatches, 1, {
      raw: publishes(js, rawSubjects, config.streams, config.batchSize),
      adapter: appendsAround(store, 'batched', config.streams, config.batchSize),
    });
    const events = (m: Measurement): Measurement => ({
      ...m,
      count: m.count * config.batchSize,
      perSecond: m.perSecond * config.batchSize,
    });
    const batched = row(`append ${config.batchSize} events, awaited one at a time`, 'events', [
      events(adapterBatched),
      events(rawBatched),
    ]);
    return [single, parallel, batched];
  } finally {
    await store.close();
    await jsm.streams.delete(location.stream);
    await jsm.streams.delete(rawStream);
  }
}
