/**
 * `npm run bench:executions`: executions through the runner, their one stage answered by the
 * fake agent, beside raw appends of the same events to a store of the same kind, memory then
 * sqlite, in the same run. The runner's work is what Monitor adds to the appends themselves:
 * deciding each Update command, its queue per resource, logging stages through the masking
 * context. Sizes: `EXEC_COUNT` (1,000), `EXEC_PER_RESOURCE` (10: nine of ten wait as Queued),
 * `EXEC_ROUNDS` (5; medians are printed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MemoryEventStore,
  SqliteEventStore,
  type EventStore,
  type StoredEvent,
} from '@monitor/eventstore';
import { AGENT } from '@monitor/contracts';
import { ExecutionRunner, FakeAgent } from '@monitor/executions';
import { ReadModel } from '@monitor/projections';
import { newId, systemMeta } from '@monitor/resources';
import { median } from '../support/percentiles';

const COUNT = Number(process.env.EXEC_COUNT ?? 1000);
const PER_RESOURCE = Number(process.env.EXEC_PER_RESOURCE ?? 10);
const ROUNDS = Number(process.env.EXEC_ROUNDS ?? 5);

interface StoreKind {
  name: string;
  open(): { store: EventStore; dispose(): void };
}

const KINDS: StoreKind[] = [
  { name: 'memory', open: () => ({ store: new MemoryEventStore(), dispose: () => undefined }) },
  {
    name: 'sqlite',
    open() {
      const dir = mkdtempSync(join(tmpdir(), 'bench-executions-'));
      // No polling: nothing subscribes here, and a timer would only add noise.
      const store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 0 });
      return { store, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

/** Runs COUNT executions at once through a runner on `store`; ms until the last one ended. */
async function throughRunner(store: EventStore): Promise<number> {
  // The runner reads the read model only to mark interrupted Updates at start: not fed here,
  // since projecting the log is the read side's cost, not the runner's.
  const runner = new ExecutionRunner(store, new ReadModel());
  const agent = new FakeAgent();
  const meta = systemMeta();
  const start = performance.now();
  // All asked at once, as a batch asks them: each resource's first runs, the others queue.
  const started = await Promise.all(
    Array.from({ length: COUNT }, (_, n) => {
      const server = { id: `server-${n % Math.ceil(COUNT / PER_RESOURCE)}`, name: `server-${n}` };
      return runner.start({
        operation: 'PruneImages',
        target: { type: 'Server', id: server.id },
        meta,
        work: async (context) => {
          await context.stage('prune', `prune images on ${server.name}`, () =>
            agent.call(AGENT.PruneImages, server),
          );
        },
      });
    }),
  );
  const results = await Promise.all(started.map((execution) => execution.done));
  const elapsed = performance.now() - start;
  if (results.includes(false)) throw new Error('an execution failed');
  return elapsed;
}

/** The Updates' events as the runner wrote them, per stream, in order. */
async function updateStreams(store: EventStore): Promise<StoredEvent[][]> {
  const streams = new Map<string, StoredEvent[]>();
  for (let page = await store.readAll(0, 2000); page.length;) {
    for (const event of page) {
      if (event.stream.startsWith('update-'))
        streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
    }
    page = await store.readAll(page.at(-1)!.position, 2000);
  }
  return [...streams.values()];
}

/**
 * Appends the same events to `store` with nothing around them: one append per event with its
 * expected revision, as the runner does, each Update's in order and the Updates side by side.
 */
async function rawAppends(store: EventStore, streams: StoredEvent[][]): Promise<number> {
  const start = performance.now();
  await Promise.all(
    streams.map(async (events) => {
      for (const [revision, event] of events.entries()) {
        await store.append(
          event.stream,
          [{ id: newId(), type: event.type, data: event.data, metadata: event.metadata }],
          revision === 0 ? 'no_stream' : revision - 1,
        );
      }
    }),
  );
  return performance.now() - start;
}

async function round(kind: StoreKind): Promise<{ runner: number; raw: number; events: number }> {
  const ours = kind.open();
  const raw = kind.open();
  try {
    const runner = await throughRunner(ours.store);
    const streams = await updateStreams(ours.store);
    return {
      runner,
      raw: await rawAppends(raw.store, streams),
      events: streams.reduce((sum, events) => sum + events.length, 0),
    };
  } finally {
    await ours.store.close();
    await raw.store.close();
    ours.dispose();
    raw.dispose();
  }
}

async function main(): Promise<void> {
  console.log(
    `${COUNT} executions, ${PER_RESOURCE} per resource, one agent stage each; median of ${ROUNDS} rounds`,
  );
  console.log('store\tevents\trunner ms\traw appends ms\tratio\trunner executions/s');
  for (const kind of KINDS) {
    const rounds = [];
    for (let n = 0; n < ROUNDS; n++) rounds.push(await round(kind));
    const runner = median(rounds.map((r) => r.runner));
    const raw = median(rounds.map((r) => r.raw));
    console.log(
      [
        kind.name,
        rounds[0].events,
        runner.toFixed(1),
        raw.toFixed(1),
        (runner / raw).toFixed(2),
        Math.round((COUNT / runner) * 1000),
      ].join('\t'),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
