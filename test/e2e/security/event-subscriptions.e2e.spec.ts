import { createHmac } from 'node:crypto';
import { startHttpReceiver, type HttpReceiver } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { eventually } from '../../support/eventually';
import { storeQuiet } from '../../support/quiet-store';
import { enabledUser, expectRefusedUnchanged } from '../../support/security';

/**
 * Outgoing webhook subscriptions: the core POSTs every event a filter takes to whatever url a
 * subscription names, so a subscription is an admin's (as Alerters and ResourceSyncs are), its
 * secret is never answered, and what it carries is what its owner may see when it is sent.
 */
const SECRET = 'whsec-security-9d8c7b6a5f4e3d2c';
const ENV = { MONITOR_AUTH_ALLOW_SIGNUPS: 'true', MONITOR_ALERTER_RETRY_BASE_MS: '50' };

type Subscription = {
  id: string;
  url: string;
  secret_set: boolean;
  last_delivery?: { state: string; last_error?: string };
};

describe('security: event subscriptions', () => {
  let monitor: EmbeddedMonitor;
  let mallory: ApiClient;
  let receiver: HttpReceiver;
  let subscription: Subscription;
  let procedureId: string;

  const touch = (description: string) =>
    monitor.admin.write('UpdateDescription', {
      target: { type: 'Procedure', id: procedureId },
      description,
    });
  const get = () =>
    monitor.admin.read<Subscription>('GetEventSubscription', { id: subscription.id });
  const refused = (
    client: ApiClient,
    request: string,
    params: object,
    status: number,
    message: RegExp,
  ) =>
    expectRefusedUnchanged(
      monitor,
      client,
      request.startsWith('Create') || request.startsWith('Update') || request.startsWith('Delete')
        ? 'write'
        : 'read',
      request,
      params,
      status,
      message,
    );

  beforeAll(async () => {
    monitor = await startEmbedded(ENV);
    receiver = await startHttpReceiver();
    mallory = (await enabledUser(monitor, 'mallory')).client;
    procedureId = (
      await monitor.admin.write<{ _id: { $oid: string } }>('CreateProcedure', {
        name: 'guarded',
        config: {},
      })
    )._id.$oid;
    subscription = await monitor.admin.write<Subscription>('CreateEventSubscription', {
      name: 'ci',
      url: `${receiver.url}/hook`,
      secret: SECRET,
      filter: { resources: [procedureId], types: ['ProcedureDescriptionUpdated'] },
    });
    await storeQuiet(monitor.runtime.store);
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await receiver?.close();
  });

  it('a non-admin cannot create a subscription to exfiltrate events (403, nothing written)', async () => {
    await refused(
      mallory,
      'CreateEventSubscription',
      { name: 'exfil', url: 'https://attacker.example/collect', secret: 'x' },
      403,
      /CreateEventSubscription is for admins only/,
    );
  });

  it("a non-admin cannot point an admin's subscription elsewhere, nor delete it", async () => {
    await refused(
      mallory,
      'UpdateEventSubscription',
      { id: subscription.id, url: 'https://attacker.example/collect' },
      403,
      /for admins only/,
    );
    await refused(
      mallory,
      'DeleteEventSubscription',
      { id: subscription.id },
      403,
      /for admins only/,
    );
    expect((await get()).url).toBe(`${receiver.url}/hook`);
  });

  it('a non-admin cannot list or read subscriptions (their urls)', async () => {
    await refused(mallory, 'ListEventSubscriptions', {}, 403, /for admins only/);
    await refused(mallory, 'GetEventSubscription', { id: subscription.id }, 403, /for admins only/);
  });

  it('refuses urls that are not http(s), and a bad filter, naming the field (400, nothing written)', async () => {
    for (const url of [
      'file:///etc/shadow',
      'javascript:alert(1)',
      'gopher://127.0.0.1:6379/_FLUSHALL',
    ]) {
      await refused(
        monitor.admin,
        'CreateEventSubscription',
        { name: 'bad', url, secret: 'x' },
        400,
        /^url: /,
      );
      await refused(
        monitor.admin,
        'UpdateEventSubscription',
        { id: subscription.id, url },
        400,
        /^url: /,
      );
    }
    await refused(
      monitor.admin,
      'CreateEventSubscription',
      { name: 'bad', url: 'https://ok.example', secret: 'x', filter: { kinds: ['Nope'] } },
      400,
      /filter/,
    );
  });

  it('never answers the secret; a blank secret on update keeps the one that signs', async () => {
    const answers = [
      await monitor.admin.read('ListEventSubscriptions'),
      await get(),
      await monitor.admin.write('UpdateEventSubscription', { id: subscription.id, secret: '' }),
    ];
    expect(JSON.stringify(answers)).not.toContain(SECRET);
    expect((await get()).secret_set).toBe(true);
    await touch('signed with the first secret');
    const [request] = await receiver.waitFor(1, 10_000);
    const hmac = createHmac('sha256', SECRET).update(request.body).digest('hex');
    expect(request.headers['x-monitor-signature']).toBe(`sha256=${hmac}`);
    const events = await monitor.runtime.store.readAll(0, 100_000);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it('an owner disabled since stops receiving: the delivery is given up, nothing sent', async () => {
    const owner = await enabledUser(monitor, 'owner2');
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'owner2',
    });
    await monitor.admin.write('UpdateUserAdmin', { user_id: _id.$oid, admin: true });
    const hook = await startHttpReceiver();
    try {
      const owned = await owner.client.write<Subscription>('CreateEventSubscription', {
        name: 'owned-by-owner2',
        url: `${hook.url}/hook`,
        secret: SECRET,
        filter: { resources: [procedureId] },
      });
      await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: false });
      await touch('after the owner was disabled');
      await eventually(async () =>
        expect(
          (await monitor.admin.read<Subscription>('GetEventSubscription', { id: owned.id }))
            .last_delivery,
        ).toMatchObject({
          state: 'GivenUp',
          last_error: "the subscription's owner may not see this event",
        }),
      );
      expect(hook.requests).toHaveLength(0);
      // A retry by an admin is checked again at the send: still nothing goes out.
      expect(
        await monitor.admin.write('RetryEventSubscriptionDeliveries', { subscription: owned.id }),
      ).toEqual({ retried: 1 });
      await eventually(async () =>
        expect(
          await monitor.admin.read<{ state: string; attempts: number; last_error?: string }[]>(
            'ListEventSubscriptionDeliveries',
            { subscription: owned.id },
          ),
        ).toEqual([
          expect.objectContaining({
            state: 'GivenUp',
            attempts: 2,
            last_error: "the subscription's owner may not see this event",
          }),
        ]),
      );
      expect(hook.requests).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });

  it("a non-admin cannot list a subscription's deliveries nor retry them (403, nothing written)", async () => {
    for (const [verb, request] of [
      ['read', 'ListEventSubscriptionDeliveries'],
      ['write', 'RetryEventSubscriptionDeliveries'],
    ] as const) {
      await expectRefusedUnchanged(
        monitor,
        mallory,
        verb,
        request,
        { subscription: subscription.id },
        403,
        /for admins only/,
      );
    }
    const listed = await monitor.admin.read<{ id: string }[]>('ListEventSubscriptionDeliveries', {
      subscription: subscription.id,
    });
    expect(listed.length).toBeGreaterThan(0);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
  });

  it("a non-admin never sees a failing subscription's alert (its name, its errors)", async () => {
    const failing = await startHttpReceiver();
    failing.answer(...Array.from({ length: 5 }, () => ({ status: 500 })));
    try {
      const hook = await monitor.admin.write<Subscription>('CreateEventSubscription', {
        name: 'failing-hook',
        url: `${failing.url}/hook`,
        secret: SECRET,
        filter: { resources: [procedureId] },
      });
      await touch('through a failing hook');
      type Alerts = { alerts: { target: { type: string; id: string }; data: { type: string } }[] };
      const about = (answer: Alerts) =>
        answer.alerts.filter((a) => a.data.type === 'EventSubscriptionFailing');
      await eventually(async () =>
        expect(about(await monitor.admin.read<Alerts>('ListAlerts', {}))).toEqual([
          expect.objectContaining({ target: { type: 'System', id: hook.id } }),
        ]),
      );
      expect(about(await mallory.read<Alerts>('ListAlerts', {}))).toEqual([]);
    } finally {
      await failing.close();
    }
  });
});
