import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventStore, type EventStoreHandle } from '@monitor/eventstore';
import { natsUrl } from '../test-env';
import { api, signUp, type ApiClient } from '../support/api';
import { eventually } from '../support/eventually';
import { startProcess, type MonitorProcess } from '../support/process-monitor';

const PER_RESOURCE = 25;

/**
 * Two alerter replicas on one JetStream store and NATS deliver webhooks: each event decided
 * once, each attempt claimed by one replica only, every delivery acknowledged once, and each
 * resource's events acknowledged in order.
 */
describe('webhook delivery with two alerter replicas (distributed)', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const env = (replica: string) => ({
    MONITOR_NATS_URL: natsUrl(),
    MONITOR_EVENT_STORE_KIND: 'jetstream',
    MONITOR_EVENT_STORE_STREAM: `E2E_WEBHOOK_${suffix}`,
    MONITOR_EVENT_STORE_SUBJECT_PREFIX: `e2e_webhook_${suffix}`,
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
      stream: `E2E_WEBHOOK_${suffix}`,
      prefix: `e2e_webhook_${suffix}`,
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await handle?.store.close();
  });

  it('each event decided once, each attempt claimed once, each delivery acknowledged once and in order per resource', async () => {
    const receiver = await startRefusingReceiver();
    try {
      const alerters: string[] = [];
      for (const name of ['hook-a', 'hook-b']) {
        await eventually(async () => {
          const created = await client.call<{ _id: { $oid: string } }>('write', 'CreateAlerter', {
            name,
            config: { enabled: false },
          });
          expect(created.status).toBe(200);
          alerters.push(created.body._id.$oid);
        }, 30_000);
      }
      await client.write('CreateEventSubscription', {
        name: 'shared',
        url: receiver.url,
        secret: 'replicated-secret',
        filter: { kinds: ['Alerter'], types: ['AlerterDescriptionUpdated'] },
      });
      await Promise.all(
        alerters.map(async (id) => {
          for (let i = 0; i < PER_RESOURCE; i++) {
            await client.write('UpdateDescription', {
              target: { type: 'Alerter', id },
              description: `${id}:${i}`,
            });
          }
        }),
      );
      const total = PER_RESOURCE * alerters.length;
      await eventually(async () => expect(receiver.acked.length).toBe(total), 60_000);
      expect(receiver.repeats).toEqual([]);
      expect(receiver.refused).toBeGreaterThan(0);
      for (const id of alerters) {
        const acked = receiver.acked.filter((d) => d.startsWith(`${id}:`));
        expect(acked).toEqual(Array.from({ length: PER_RESOURCE }, (_, i) => `${id}:${i}`));
      }
      const events = (await handle.store.readAll(0, 100_000)).filter((e) =>
        e.stream.startsWith('webhookdelivery-'),
      );
      expect(events.filter((e) => e.type === 'DeliveryDecided')).toHaveLength(total);
      const claims = events.filter((e) => e.type === 'DeliveryAttemptClaimed');
      const attempts = new Set(
        claims.map((e) => `${e.stream}#${(e.data as { attempt: number }).attempt}`),
      );
      expect(attempts.size).toBe(claims.length);
      expect(claims.length).toBe(total + receiver.refused);
    } finally {
      await receiver.close();
    }
  }, 120_000);
});

/** Refuses one request in five (500), else acknowledges each delivery id once, in order. */
async function startRefusingReceiver() {
  const seen = new Set<string>();
  const acked: string[] = [];
  const repeats: string[] = [];
  let count = 0;
  let refused = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = String(req.headers['x-monitor-delivery']);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { to: string } };
      if (seen.has(id)) {
        repeats.push(id);
        res.writeHead(200).end();
      } else if (++count % 5 === 0) {
        refused++;
        res.writeHead(500).end('busy');
      } else {
        seen.add(id);
        acked.push(body.data.to);
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
