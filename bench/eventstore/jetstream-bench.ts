import { JetStreamEventStore, type NewEvent } from '@monitor/eventstore';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { BenchConfig } from './config';
import { benchEvents, StreamCursor } from './events';
import { inFlight, measure, type Measurement } from './measure';
import type { Comparison } from './report';

const encoder = new TextEncoder();

type Task = (n: number, lane: number) => Promise<unknown>;

/**
 * A raw and an adapter workload over the same events, made before the clock starts. Raw is a
 * bare publish of the events' JSON: what any publisher must do, without the adapter's envelope,
 * headers, expected sequence and de-duplication id.
 */
async function compare(
  appends: NewEvent[][],
  width: number,
  raw: (events: NewEvent[], n: number) => Promise<unknown>,
  adapter: (events: NewEvent[], n: number, lane: number) => Promise<unknown>,
): Promise<[adapter: Measurement, raw: Measurement]> {
  const run = (task: Task) =>
    measure(appends.length, async () => {
      if (width > 1) return inFlight(appends.length, width, task);
      for (let n = 0; n < appends.length; n++) await task(n, 0);
    });
  const rawResult = await run((n) => raw(appends[n], n));
  const adapterResult = await run((n, lane) => adapter(appends[n], n, lane));
  return [adapterResult, rawResult];
}

function publisher(js: JetStreamClient, subjectPrefix: string, streams: number) {
  return (events: NewEvent[], n: number): Promise<unknown> =>
    js.publish(`${subjectPrefix}.s${n % streams}`, encoder.encode(JSON.stringify(events)));
}

/** Appends going round `streams` streams, each with the revision it is at. */
function appender(store: JetStreamEventStore, label: string, streams: number) {
  const cursor = new StreamCursor(label, streams);
  return async (events: NewEvent[], n: number): Promise<void> => {
    const { stream, expected, advance } = cursor.next(n);
    await store.append(stream, events, expected);
    advance(events.length);
  };
}

/** Each lane its own stream: appends in flight never race each other on one stream. */
function laneAppender(store: JetStreamEventStore, label: string, lanes: number) {
  const cursor = new StreamCursor(label, lanes);
  return async (events: NewEvent[], _n: number, lane: number): Promise<void> => {
    const { stream, expected, advance } = cursor.next(lane);
    await store.append(stream, events, expected);
    advance(events.length);
  };
}

const appendsOf = (count: number, size: number): NewEvent[][] =>
  Array.from({ length: count }, () => benchEvents(size));

export async function benchJetStream(
  connection: NatsConnection,
  config: BenchConfig,
): Promise<Comparison[]> {
  const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
  const location = { stream: `BENCH_${run}`, prefix: `bench-${run}` };
  const rawStream = `BENCH_RAW_${run}`;
  const rawSubjects = `bench-raw-${run}`;
  const jsm = await jetstreamManager(connection);
  await jsm.streams.add({ name: rawStream, subjects: [`${rawSubjects}.>`], storage: 'file' });
  const js = jetstream(connection);
  const store = await JetStreamEventStore.open(connection, location);
  const raw = publisher(js, rawSubjects, config.streams);
  const row = (name: string, unit: string, pair: [Measurement, Measurement]): Comparison => ({
    engine: 'jetstream',
    case: name,
    unit,
    adapter: pair[0],
    raw: pair[1],
  });
  try {
    // Warm-up: JIT and the server's file store, not measured.
    await compare(appendsOf(500, 1), 1, raw, appender(store, 'warmup', config.streams));

    const single = await compare(
      appendsOf(config.jetstreamSingle, 1),
      1,
      raw,
      appender(store, 'single', config.streams),
    );
    const parallel = await compare(
      appendsOf(config.jetstreamInFlightTotal, 1),
      config.jetstreamInFlight,
      raw,
      laneAppender(store, 'parallel', config.jetstreamInFlight),
    );
    const batched = await compare(
      appendsOf(config.jetstreamBatches, config.batchSize),
      1,
      raw,
      appender(store, 'batched', config.streams),
    );
    const inEvents = (m: Measurement): Measurement => ({
      count: m.count * config.batchSize,
      seconds: m.seconds,
      perSecond: m.perSecond * config.batchSize,
    });
    return [
      row('append 1 event, awaited one at a time', 'appends', single),
      row(`append 1 event, ${config.jetstreamInFlight} in flight`, 'appends', parallel),
      row(`append ${config.batchSize} events, awaited one at a time`, 'events', [
        inEvents(batched[0]),
        inEvents(batched[1]),
      ]),
    ];
  } finally {
    await store.close();
    await jsm.streams.delete(location.stream);
    await jsm.streams.delete(rawStream);
  }
}
