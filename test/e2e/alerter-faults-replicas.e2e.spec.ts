import type { ApiClient } from '../support/api';
import { eventually } from '../support/eventually';
import type { MonitorProcess } from '../support/process-monitor';
import { startRefusingReceiver } from '../support/refusing-receiver';
import { Replicas } from '../support/replicas';

const ALERTS = 100;

/**
 * Two alerter replicas on one JetStream store and NATS: both admit and send, each attempt is
 * claimed by one of them only, and the receiver acknowledges every key once.
 */
describe('alerter delivery with two replicas', () => {
  const replicas = new Replicas('alerter', {
    MONITOR_ALERTER_RETRY_BASE_MS: '20',
    MONITOR_ALERTER_RETRY_CAP_MS: '100',
  });
  let alerters: MonitorProcess[];
  let client: ApiClient;

  beforeAll(async () => {
    alerters = await Promise.all(
      ['replica-a', 'replica-b'].map((r) => replicas.start('alerter', r)),
    );
    ({ admin: client } = await replicas.startGateway());
  }, 60_000);

  afterAll(() => replicas.stop());

  it('every key acknowledged once, no attempt claimed twice; one replica stopping, the other carries on', async () => {
    const receiver = await startRefusingReceiver('idempotency-key');
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
      await eventually(async () => expect(receiver.acked.length).toBe(ALERTS / 2), 60_000);
      // One replica stops (its sends recorded first): the other carries on alone.
      const stopping = await whichClaimed(replicas);
      await alerters[stopping === 'replica-a' ? 0 : 1].stop();
      await send(ALERTS / 2, ALERTS);
      await eventually(async () => expect(receiver.acked.length).toBe(ALERTS), 60_000);
      expect(receiver.repeats).toEqual([]);
      expect(receiver.refused).toBeGreaterThan(0);

      const events = await replicas.events('delivery-');
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
async function whichClaimed(replicas: Replicas): Promise<string> {
  const counts = new Map<string, number>();
  for (const e of await replicas.events('delivery-')) {
    if (e.type !== 'DeliveryAttemptClaimed') continue;
    const by = (e.data as { by: string }).by;
    counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}
