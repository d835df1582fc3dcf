import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventStore, type EventStoreHandle } from '@monitor/eventstore';
import { natsUrl } from '../test-env';
import { api, signUp, type ApiClient } from '../support/api';
import { eventually } from '../support/eventually';
import { startProcess, type MonitorProcess } from '../support/process-monitor';

const ALERTS = 100;

/**
 * Two alerter replicas on one JetStream store and NATS: both admit and send, each attempt is
 * claimed by one of them only, and the receiver acknowledges every key once.
 */
describe('alerter delivery with two replicas', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const env = (replica: string) => ({
    MONITOR_NATS_URL: natsUrl(),
    MONITOR_EVENT_STORE_KIND: 'jetstream',
    MONITOR_EVENT_STORE_STREAM: `E2E_ALERTER_${suffix}`,
    MONITOR_EVENT_STORE_SUBJECT_PREFIX: `e2e_alerter_${suffix}`,
    MONITOR_ALERTER_REPLICA: replica,
    MONITOR_ALERTER_RETRY_BASE_MS: '20',
    MONITOR_ALERTER_RETRY_CAP_MS: '100',
  });
  const processes: MonitorProcess[] = [];
  let client: ApiClient;
  let handle: EventStoreHandle;

  beforeAll(async () => {
    processes.push(
      ...(await Promise.all(
        ['replica-a', 'replica-b'].map((r) => startProcess('alerter', env(r), { http: false })),
      )),
    );
    const gateway = await startProcess('gateway', env('gateway'));
    processes.push(gateway);
    client = api(gateway.url, await signUp(gateway.url, 'admin'));
    handle = await createEventStore({
      kind: 'jetstream',
      servers: natsUrl(),
      stream: `E2E_ALERTER_${suffix}`,
      prefix: `e2e_alerter_${suffix}`,
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await handle?.store.close();
  });

  it('every key acknowledged once, no attempt claimed twice; one replica stopping, the other carries on', async () => {
    const receiver = await startRefusingReceiver();
    try {
      await eventually(async () => {
        const created = await client.call('write', 'CreateAlerter', {
          name: 'shared',
          config: { enabled: true, endpoint: { type: 'Custom', params: { url: receiver.url } } },
        });
        expect([200, 409]).toContain(created.status);
      }, 30_000);
      const send = async (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          await client.execute('SendAlert', { message: `alert ${i}`, alerters: ['shared'] });
        }
      };
      await send(0, ALERTS / 2);
      await eventually(async () => expect(receiver.acked.size).toBe(ALERTS / 2), 60_000);
      // One replica stops (its sends recorded first): the other carries on alone.
      const stopping = await whichClaimed(handle);
      await processes[stopping === 'replica-a' ? 0 : 1].stop();
      await send(ALERTS / 2, ALERTS);
      await eventually(async () => expect(receiver.acked.size).toBe(ALERTS), 60_000);
      expect(receiver.repeats).toEqual([]);
      expect(receiver.refused).toBeGreaterThan(0);

      const events = (await handle.store.readAll(0, 100_000)).filter((e) =>
        e.stream.startsWith('delivery-'),
      );
      const claims = events.filter((e) => e.type === 'DeliveryAttemptClaimed');
      const byStreamAndAttempt = new Set(
        claims.map((e) => `${e.stream}#${(e.data as { attempt: number }).attempt}`),
      );
      expect(byStreamAndAttempt.size).toBe(claims.length);
      expect(claims.length).toBe(ALERTS + receiver.refused);
      const by = new Set(claims.map((e) => (e.data as { by: string }).by));
      expect([...by].sort()).toEqual(['replica-a', 'replica-b']);
      // Each alert event decided once, whichever replica read it first.
      expect(events.filter((e) => e.type === 'DeliveryDecided')).toHaveLength(ALERTS);
    } finally {
      await receiver.close();
    }
  }, 120_000);
});

/** The replica that claimed the most attempts so far. */
async function whichClaimed(handle: EventStoreHandle): Promise<string> {
  const counts = new Map<string, number>();
  for (const e of await handle.store.readAll(0, 100_000)) {
    if (e.type !== 'DeliveryAttemptClaimed') continue;
    const by = (e.data as { by: string }).by;
    counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/** Refuses one request in five (500), else acknowledges each Idempotency-Key once. */
async function startRefusingReceiver() {
  const acked = new Set<string>();
  const repeats: string[] = [];
  let count = 0;
  let refused = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      if (acked.has(key)) {
        repeats.push(key);
        res.writeHead(200).end();
      } else if (++count % 5 === 0) {
        refused++;
        res.writeHead(500).end('busy');
      } else {
        acked.add(key);
        res.writeHead(200).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    acked,
    repeats,
    get refused() {
      return refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
