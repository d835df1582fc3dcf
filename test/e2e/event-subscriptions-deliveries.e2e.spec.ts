import { startHttpReceiver } from '@monitor/testing';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { storeQuiet } from '../support/quiet-store';
import { expectRefusedUnchanged } from '../support/security';
import { webhookScene } from '../support/webhook-scene';

const ENV = {
  MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
  MONITOR_ALERTER_RETRY_BASE_MS: '50',
  MONITOR_ALERTER_RETRY_CAP_MS: '200',
  MONITOR_ALERTER_SEND_TIMEOUT_MS: '1000',
};
const SECRET = 'whsec-deliveries-4d1c8e7a9b';

interface Delivery {
  id: string;
  state: string;
  event_type: string;
  event_position: number;
  resource: string;
  attempts: number;
  last_status?: number;
  last_error?: string;
  reason?: string;
}

interface AlertJson {
  level: string;
  resolved: boolean;
  target: { type: string; id: string };
  data: { type: string; data: Record<string, unknown> };
}

describe('webhook deliveries listed, retried, and a failing one alerted (embedded)', () => {
  let monitor: EmbeddedMonitor;
  const scene = webhookScene(() => monitor, SECRET);
  const { receiver, procedure, touch, subscribe } = scene;

  beforeAll(async () => {
    monitor = await startEmbedded(ENV);
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await scene.close();
  });

  const deliveries = (subscription: string, params: object = {}) =>
    monitor.admin.read<Delivery[]>('ListEventSubscriptionDeliveries', { subscription, ...params });

  it('lists given-up deliveries newest first, and a retry sends them again in order', async () => {
    let status = 400;
    const hook = await receiver(() => status);
    const p = await procedure('retried-target');
    const { id } = await subscribe('retried', hook.url, [p]);
    for (const text of ['one', 'two', 'three']) await touch(p, text);
    await eventually(async () =>
      expect((await deliveries(id, { state: 'GivenUp' })).length).toBe(3),
    );
    const listed = await deliveries(id);
    expect(listed.map((d) => d.event_position)).toEqual(
      [...listed.map((d) => d.event_position)].sort((a, b) => b - a),
    );
    expect(listed[0]).toMatchObject({
      state: 'GivenUp',
      event_type: 'ProcedureDescriptionUpdated',
      resource: `Procedure:${p}`,
      attempts: 1,
      last_status: 400,
      last_error: expect.stringContaining('400'),
    });
    expect(await deliveries(id, { limit: 2 })).toHaveLength(2);
    expect(await deliveries(id, { state: 'Delivered' })).toEqual([]);

    status = 200;
    const before = hook.received.length;
    expect(
      await monitor.admin.write('RetryEventSubscriptionDeliveries', { subscription: id }),
    ).toEqual({ retried: 3 });
    await eventually(async () =>
      expect((await deliveries(id, { state: 'Delivered' })).length).toBe(3),
    );
    const resent = hook.received.slice(before).map((r) => (r.json.data as { to: string }).to);
    expect(resent).toEqual(['one', 'two', 'three']);
    expect(await deliveries(id, { state: 'GivenUp' })).toEqual([]);
    expect(
      await monitor.admin.write('RetryEventSubscriptionDeliveries', { subscription: id }),
    ).toEqual({ retried: 0 });
  }, 30_000);

  // A non-admin's 403 is security/event-subscriptions.e2e.spec.ts's.
  it('refuses an unknown subscription (404) and a bad state (400)', async () => {
    const hook = await receiver(() => 200);
    const { id } = await subscribe('guarded', hook.url, []);
    await storeQuiet(monitor.runtime.store);
    for (const [verb, request] of [
      ['read', 'ListEventSubscriptionDeliveries'],
      ['write', 'RetryEventSubscriptionDeliveries'],
    ] as const) {
      await expectRefusedUnchanged(
        monitor,
        monitor.admin,
        verb,
        request,
        { subscription: 'no-such-subscription' },
        404,
        /no event subscription has the id 'no-such-subscription'/,
      );
    }
    await expectRefusedUnchanged(
      monitor,
      monitor.admin,
      'read',
      'ListEventSubscriptionDeliveries',
      { subscription: id, state: 'Lost' },
      400,
      /state/,
    );
  }, 30_000);

  it('a subscription failing 5 times in a row raises EventSubscriptionFailing, resolved when it recovers', async () => {
    const ops = await startHttpReceiver();
    scene.closeAfter(() => ops.close());
    await monitor.admin.write('CreateAlerter', {
      name: 'ops',
      config: {
        enabled: true,
        endpoint: { type: 'Custom', params: { url: `${ops.url}/alerts` } },
        alert_types: ['EventSubscriptionFailing'],
      },
    });
    let calls = 0;
    const hook = await receiver(() => (++calls <= 5 ? 503 : 200));
    const p = await procedure('failing-target');
    const { id } = await subscribe('failing', hook.url, [p]);
    await touch(p, 'eventually through');
    const told = await eventually(async () => {
      const alerts = ops.requests
        .map((r) => r.json as AlertJson)
        .filter((a) => a.data.type === 'EventSubscriptionFailing');
      expect(alerts.map((a) => [a.level, a.resolved])).toEqual([
        ['CRITICAL', false],
        ['CRITICAL', true],
      ]);
      return alerts;
    }, 30_000);
    expect(told[0].target).toEqual({ type: 'System', id });
    expect(told[0].data.data).toMatchObject({
      id,
      name: 'failing',
      failures_in_a_row: 5,
      error: 'the receiver answered 503',
    });
    expect(hook.received.map((r) => r.status)).toEqual([503, 503, 503, 503, 503, 200]);
    expect(JSON.stringify(told)).not.toContain(SECRET);
  }, 45_000);
});
