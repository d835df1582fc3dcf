import { createHmac } from 'node:crypto';
import { CapturingLogger } from '../support/capturing-logger';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { storeQuiet } from '../support/quiet-store';
import { enabledUser, expectRefusedUnchanged } from '../support/security';
import type { Received } from '../support/webhook-receiver';
import { webhookScene } from '../support/webhook-scene';

/** Short tries, set through `[alerter]` as an operator would: webhooks share its settings. */
const ENV = {
  MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
  MONITOR_ALERTER_RETRY_BASE_MS: '50',
  MONITOR_ALERTER_RETRY_CAP_MS: '200',
  MONITOR_ALERTER_SEND_TIMEOUT_MS: '1000',
  MONITOR_ALERTER_CLAIM_LEASE_MS: '2000',
};
const SECRET = 'whsec-7f3a9c1e5b2d4680-unguessable';

type Subscription = {
  id: string;
  secret_set: boolean;
  last_delivery?: { state: string; attempts: number; last_error?: string };
};

describe('outgoing webhook subscriptions (embedded)', () => {
  let monitor: EmbeddedMonitor;
  let dataDir: string;
  const logger = new CapturingLogger();
  const scene = webhookScene(() => monitor, SECRET);
  const { receiver, procedure, touch } = scene;
  const subscribe = scene.subscribe<Subscription>;

  beforeAll(async () => {
    monitor = await startEmbedded(ENV, undefined, logger);
    dataDir = monitor.dataDir;
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await scene.close();
  });

  const get = (id: string) => monitor.admin.read<Subscription>('GetEventSubscription', { id });
  const descriptions = (received: Received[]) =>
    received.map((r) => (r.json.data as { to?: string }).to);

  it('a receiver answering 500 three times gets the event on the fourth try, signed', async () => {
    let calls = 0;
    const flaky = await receiver(() => (++calls <= 3 ? 500 : 200));
    const p = await procedure('flaky-target');
    const sub = await subscribe('flaky', flaky.url, [p]);
    expect(sub).toMatchObject({ secret_set: true });
    expect(JSON.stringify(sub)).not.toContain(SECRET);
    await touch(p, 'fourth time lucky');
    await eventually(async () => expect(flaky.received).toHaveLength(4), 15_000);
    expect(flaky.received.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    const ids = new Set(flaky.received.map((r) => r.headers['x-monitor-delivery']));
    expect(ids.size).toBe(1);
    const last = flaky.received[3];
    const hmac = createHmac('sha256', SECRET).update(last.body).digest('hex');
    expect(last.headers['x-monitor-signature']).toBe(`sha256=${hmac}`);
    expect(last.headers['x-monitor-position']).toBe(String(last.json.position));
    expect(last.json).toMatchObject({
      stream: `procedure-${p}`,
      type: 'ProcedureDescriptionUpdated',
      data: { to: 'fourth time lucky' },
      metadata: { userId: expect.any(String), via: 'api', at: expect.any(Number) },
    });
    await eventually(async () =>
      expect((await get(sub.id)).last_delivery).toMatchObject({ state: 'Delivered', attempts: 4 }),
    );
  }, 30_000);

  it("keeps each resource's events in order, and a failing resource holds back no other", async () => {
    let aFailures = 0;
    const a = await procedure('order-a');
    const b = await procedure('order-b');
    const mixed = await receiver((r) =>
      r.json.stream === `procedure-${a}` && ++aFailures <= 6 ? 503 : 200,
    );
    await subscribe('order', mixed.url, [a, b]);
    for (let i = 1; i <= 3; i++) {
      await touch(a, `a${i}`);
      await touch(b, `b${i}`);
    }
    // B's three arrive while A's first is still failing.
    await eventually(async () =>
      expect(descriptions(mixed.received.filter((r) => r.status === 200))).toEqual(
        expect.arrayContaining(['b1', 'b2', 'b3']),
      ),
    );
    await eventually(
      async () => expect(mixed.received.filter((r) => r.status === 200)).toHaveLength(6),
      20_000,
    );
    const delivered = descriptions(mixed.received.filter((r) => r.status === 200));
    expect(delivered.filter((d) => d?.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(delivered.filter((d) => d?.startsWith('b'))).toEqual(['b1', 'b2', 'b3']);
    // Nothing of A was sent before its first was delivered: every failure was a1's.
    expect(
      descriptions(mixed.received.filter((r) => r.status !== 200)).every((d) => d === 'a1'),
    ).toBe(true);
    expect(delivered.indexOf('b3')).toBeLessThan(delivered.indexOf('a1'));
  }, 40_000);

  it('stopped while a retry is pending and started on the same data: the in-flight event at most twice, none lost', async () => {
    let first = true;
    const slow = await receiver(() => {
      if (!first) return 200;
      first = false;
      return 429;
    });
    const p = await procedure('restart-target');
    const sub = await subscribe('restart', slow.url, [p]);
    await touch(p, 'r1');
    await touch(p, 'r2');
    // The retry is due in 2 s (Retry-After): the monitor is stopped and started within that.
    await eventually(async () => expect(slow.received).toHaveLength(1));
    await monitor.stop();
    monitor = await startEmbedded(ENV, dataDir, logger);
    await touch(p, 'r3');
    await eventually(
      async () => expect(slow.received.filter((r) => r.status === 200)).toHaveLength(3),
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sent = descriptions(slow.received);
    expect(sent.filter((d) => d === 'r1').length).toBeLessThanOrEqual(2);
    expect(sent.filter((d) => d === 'r2')).toHaveLength(1);
    expect(sent.filter((d) => d === 'r3')).toHaveLength(1);
    expect(descriptions(slow.received.filter((r) => r.status === 200))).toEqual(['r1', 'r2', 'r3']);
    expect((await get(sub.id)).last_delivery).toMatchObject({ state: 'Delivered' });
  }, 60_000);

  it('an owner demoted from admin stops getting events of resources they cannot read', async () => {
    const { client: owner } = await enabledUser(monitor, 'hookowner');
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'hookowner',
    });
    await monitor.admin.write('UpdateUserAdmin', { user_id: _id.$oid, admin: true });
    const hook = await receiver();
    const p = await procedure('private-target');
    const sub = await subscribe('owned', hook.url, [p], owner);
    await touch(p, 'seen');
    await eventually(async () => expect(descriptions(hook.received)).toEqual(['seen']));
    await monitor.admin.write('UpdateUserAdmin', { user_id: _id.$oid, admin: false });
    await touch(p, 'unseen');
    await eventually(async () =>
      expect((await get(sub.id)).last_delivery).toMatchObject({
        state: 'GivenUp',
        last_error: "the subscription's owner may not see this event",
      }),
    );
    expect(descriptions(hook.received)).toEqual(['seen']);
  }, 30_000);

  it('refuses a non-admin (403) and a bad url (400 naming url), writing nothing', async () => {
    const { client: plain } = await enabledUser(monitor, 'plainuser');
    await storeQuiet(monitor.runtime.store);
    const params = { name: 'x', url: 'http://127.0.0.1:9/x', secret: SECRET };
    await expectRefusedUnchanged(
      monitor,
      plain,
      'write',
      'CreateEventSubscription',
      params,
      403,
      /CreateEventSubscription is for admins only/,
    );
    for (const url of ['ftp://127.0.0.1/x', 'file:///etc/passwd', 'not a url']) {
      await expectRefusedUnchanged(
        monitor,
        monitor.admin,
        'write',
        'CreateEventSubscription',
        { ...params, url },
        400,
        /^url: /,
      );
    }
  }, 30_000);

  it('never shows the secret: not in an answer, an Update, a stored event or a log line', async () => {
    const list = await monitor.admin.read<Subscription[]>('ListEventSubscriptions');
    expect(list.length).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toContain(SECRET);
    const updates = await monitor.admin.read('ListUpdates', {});
    expect(JSON.stringify(updates)).toContain('CreateEventSubscription');
    expect(JSON.stringify(updates)).not.toContain(SECRET);
    const events = await monitor.runtime.store.readAll(0, 100_000);
    expect(events.some((e) => e.type === 'EventSubscriptionCreated')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(logger.lines.join('\n')).not.toContain(SECRET);
  });
});
