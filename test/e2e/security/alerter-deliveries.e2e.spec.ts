import { startHttpReceiver, type HttpReceiver } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import { CapturingLogger } from '../../support/capturing-logger';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { eventually } from '../../support/eventually';
import { expectNoSecret } from '../../support/secret-search';
import { enabledUser, expectRefused, grant } from '../../support/security';

const HOOK_SECRET = 'hook-secret-5c0ffee9d1';

interface Delivery {
  id: string;
  alerter_name: string;
  state: string;
  attempts: number;
  last_error?: string;
}

/** Deliveries: secrets in an alerter's url stay out of sight; each user sees their alerters'. */
describe('security: alert deliveries', () => {
  const logger = new CapturingLogger();
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let reader: ApiClient;
  let readerId: string;
  let receiver: HttpReceiver;

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    monitor = await startEmbedded(
      {
        MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
        MONITOR_LOG_LEVEL: 'verbose',
        MONITOR_ALERTER_RETRY_BASE_MS: '20',
        MONITOR_ALERTER_RETRY_CAP_MS: '50',
      },
      undefined,
      logger,
    );
    admin = monitor.admin;
    reader = (await enabledUser(monitor, 'reader')).client;
    readerId = (await admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'reader' }))._id
      .$oid;
    await admin.write('CreateVariable', {
      name: 'HOOK_SECRET',
      value: HOOK_SECRET,
      is_secret: true,
    });
  });
  afterAll(async () => {
    await monitor.destroy();
    await receiver.close();
  });

  it('a secret variable in the url is sent, and in no log, event, Update or answer, even in errors', async () => {
    await admin.write('CreateAlerter', {
      name: 'secret-hook',
      config: {
        enabled: true,
        endpoint: { type: 'Custom', params: { url: `${receiver.url}/hooks/[[HOOK_SECRET]]` } },
      },
    });
    // The receiver refuses twice quoting the url it was called at, as some services do.
    receiver.answer(
      { status: 500, body: `no route for /hooks/${HOOK_SECRET}` },
      { status: 404, body: `unknown hook ${HOOK_SECRET}` },
    );
    await admin.execute('SendAlert', { message: 'first', alerters: ['secret-hook'] });
    await admin.execute('SendAlert', { message: 'second', alerters: ['secret-hook'] });
    const [first] = await receiver.waitFor(3, 15_000);
    expect(first.path).toBe(`/hooks/${HOOK_SECRET}`);
    const deliveries = await eventually(async () => {
      const list = await admin.read<Delivery[]>('ListAlertDeliveries', { alerter: 'secret-hook' });
      expect(list.map((d) => d.state).sort()).toEqual(['Delivered', 'GivenUp']);
      return list;
    });
    expect(deliveries.map((d) => d.last_error).join('\n')).toMatch(/answered (500|404)/);
    expectNoSecret(
      [
        deliveries,
        await monitor.runtime.store.readAll(0),
        await admin.read('ListUpdates', {}),
        await admin.read('ListAlerts', {}),
        await admin.read('GetAlerter', { alerter: 'secret-hook' }),
        logger.lines.join('\n'),
      ],
      [HOOK_SECRET],
    );
  });

  it('ListAlertDeliveries shows a user only the deliveries of alerters they may read', async () => {
    await admin.write('CreateAlerter', {
      name: 'visible',
      config: { enabled: true, endpoint: { type: 'Custom', params: { url: `${receiver.url}/v` } } },
    });
    const visible = await admin.read<{ _id: { $oid: string } }>('GetAlerter', {
      alerter: 'visible',
    });
    await grant(admin, readerId, { type: 'Alerter', id: visible._id.$oid }, 'Read');
    await admin.execute('SendAlert', { message: 'to both', alerters: ['visible', 'secret-hook'] });
    await eventually(async () =>
      expect(
        (await admin.read<Delivery[]>('ListAlertDeliveries', {})).filter(
          (d) => d.state === 'Delivered',
        ),
      ).toHaveLength(3),
    );
    const seen = await reader.read<Delivery[]>('ListAlertDeliveries', {});
    expect([...new Set(seen.map((d) => d.alerter_name))]).toEqual(['visible']);
    // One it may not read is as one that does not exist.
    await expectRefused(
      reader,
      'read',
      'ListAlertDeliveries',
      { alerter: 'secret-hook' },
      404,
      /secret-hook/,
    );
  });

  it('RetryAlertDeliveries needs Execute on the alerter; with it, a given-up delivery is sent again', async () => {
    const before = await monitor.runtime.store.headPosition();
    for (const alerter of ['secret-hook', 'visible']) {
      await expectRefused(reader, 'write', 'RetryAlertDeliveries', { alerter }, 403, /Execute/);
    }
    expect(await monitor.runtime.store.headPosition()).toBe(before);
    const sent = receiver.requests.length;
    expect(await admin.write('RetryAlertDeliveries', { alerter: 'secret-hook' })).toEqual({
      retried: 1,
    });
    await receiver.waitFor(sent + 1, 10_000);
    await eventually(async () =>
      expect(
        (await admin.read<Delivery[]>('ListAlertDeliveries', { alerter: 'secret-hook' })).map(
          (d) => d.state,
        ),
      ).toEqual(['Delivered', 'Delivered', 'Delivered']),
    );
    expect(await admin.write('RetryAlertDeliveries', { alerter: 'secret-hook' })).toEqual({
      retried: 0,
    });
  });
});
