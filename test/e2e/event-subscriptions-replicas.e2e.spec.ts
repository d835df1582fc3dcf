import type { ApiClient } from '../support/api';
import { eventually } from '../support/eventually';
import { startRefusingReceiver } from '../support/refusing-receiver';
import { Replicas } from '../support/replicas';

const PER_RESOURCE = 25;

/**
 * Two alerter replicas on one JetStream store and NATS deliver webhooks: each event decided
 * once, each attempt claimed by one replica only, every delivery acknowledged once, and each
 * resource's events acknowledged in order.
 */
describe('webhook delivery with two alerter replicas (distributed)', () => {
  const replicas = new Replicas('webhook', {
    MONITOR_ALERTER_RETRY_BASE_MS: '20',
    MONITOR_ALERTER_RETRY_CAP_MS: '100',
  });
  let client: ApiClient;

  beforeAll(async () => {
    await Promise.all(['replica-a', 'replica-b'].map((r) => replicas.start('alerter', r)));
    ({ admin: client } = await replicas.startGateway());
  }, 60_000);

  afterAll(() => replicas.stop());

  it('each event decided once, each attempt claimed once, each delivery acknowledged once and in order per resource', async () => {
    const receiver = await startRefusingReceiver('x-monitor-delivery');
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
      const descriptions = receiver.acked.map((r) => (r.json.data as { to: string }).to);
      for (const id of alerters) {
        const acked = descriptions.filter((d) => d.startsWith(`${id}:`));
        expect(acked).toEqual(Array.from({ length: PER_RESOURCE }, (_, i) => `${id}:${i}`));
      }
      const events = await replicas.events('webhookdelivery-');
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
