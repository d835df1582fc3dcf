import { alerterHealthStream, deliveryStream } from '@monitor/domain';
import { startHttpReceiver, type HttpReceiver } from '@monitor/testing';
import type { ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { enabledUser, grant } from '../support/security';
import { completed, type UpdateView } from '../support/updates';

const SECRET = 'hook-secret-4f9d2c71';
const SENT = 'Alert sent successfully. It should be visible at your alerting destination.';

interface AlerterItem {
  id: string;
  name: string;
  info: {
    enabled: boolean;
    endpoint_type: string;
    health: string;
    last_delivery?: { state: string; ts: number };
  };
}

describe('TestAlerter, SendAlert and the Alerter list info', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let receiver: HttpReceiver;

  const custom = (path: string, over: object = {}) => ({
    enabled: true,
    endpoint: { type: 'Custom', params: { url: `${receiver.url}${path}` } },
    ...over,
  });
  const create = async (name: string, config: object) =>
    (await admin.write<{ _id: { $oid: string } }>('CreateAlerter', { name, config }))._id.$oid;
  /** Every alert SendAlert raised so far, in order. */
  const raised = async () =>
    (await monitor.runtime.store.readAll(0))
      .filter((e) => e.type === 'AlertRaised')
      .map((e) => e.data) as {
      type: string;
      level: string;
      data: { data: { message: string; details?: string } };
      alerters: string[];
    }[];

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    admin = monitor.admin;
    await admin.write('CreateVariable', { name: 'HOOK_SECRET', value: SECRET, is_secret: true });
  });
  afterAll(async () => {
    await monitor.destroy();
    await receiver.close();
  });

  describe('TestAlerter', () => {
    it('sends a Test alert straight to the endpoint and logs Komodo success line', async () => {
      const id = await create('test-ok', custom('/ok/[[HOOK_SECRET]]'));
      const before = receiver.requests.length;
      const start = Date.now();
      const update = await completed(
        admin,
        await admin.execute<UpdateView>('TestAlerter', { alerter: 'test-ok' }),
      );
      console.log(
        `TestAlerter: ${Date.now() - start} ms from the request to its Update read complete`,
      );
      expect([update.operation, update.success]).toEqual(['TestAlerter', true]);
      expect(update.logs.map((l) => [l.stage, l.stdout])).toEqual([['Test Alerter', SENT]]);
      const [request] = receiver.requests.slice(before);
      expect(request.path).toBe(`/ok/${SECRET}`);
      expect(request.json).toMatchObject({
        level: 'OK',
        resolved: true,
        data: { type: 'Test', data: { id, name: 'test-ok' } },
      });
    });

    it('sends inside a maintenance window too (the window holds alerts, not tests)', async () => {
      const always = {
        name: 'all day',
        schedule_type: 'Daily',
        hour: 0,
        minute: 0,
        duration_minutes: 1440,
        timezone: 'UTC',
        enabled: true,
      };
      await create('test-held', custom('/held', { maintenance_windows: [always] }));
      const update = await completed(
        admin,
        await admin.execute<UpdateView>('TestAlerter', { alerter: 'test-held' }),
      );
      expect(update.success).toBe(true);
      expect(receiver.requests.at(-1)!.path).toBe('/held');
    });

    it('fails a disabled alerter with Komodo message, sending nothing', async () => {
      await create('test-off', custom('/off', { enabled: false }));
      const before = receiver.requests.length;
      const update = await completed(
        admin,
        await admin.execute<UpdateView>('TestAlerter', { alerter: 'test-off' }),
      );
      expect(update.success).toBe(false);
      expect(update.logs[0].stderr).toBe('Alerter is disabled. Enable the Alerter to send alerts.');
      expect(receiver.requests.length).toBe(before);
    });

    it('fails with the receiver status, the secret in the url masked', async () => {
      await create('test-500', custom('/fail/[[HOOK_SECRET]]'));
      receiver.answer({ status: 500, body: `upstream broke at /fail/${SECRET}` });
      const update = await completed(
        admin,
        await admin.execute<UpdateView>('TestAlerter', { alerter: 'test-500' }),
      );
      expect(update.success).toBe(false);
      expect(update.logs[0].stage).toBe('Test Alerter');
      expect(update.logs[0].stderr).toContain('500');
      expect(JSON.stringify(update)).not.toContain(SECRET);
      const alerter = await admin.read('GetAlerter', { alerter: 'test-500' });
      expect(JSON.stringify(alerter)).not.toContain(SECRET);
    });

    it('answers 404 for an unknown alerter', async () => {
      const answer = await admin.call('execute', 'TestAlerter', { alerter: 'nobody' });
      expect(answer.status).toBe(404);
    });
  });

  describe('SendAlert', () => {
    let named: string;
    let all: string;
    let notCustom: string;

    beforeAll(async () => {
      named = await create('send-named', custom('/named', { alert_types: ['Custom'] }));
      all = await create('send-all', custom('/all'));
      notCustom = await create('send-servers', custom('/servers', { alert_types: ['ServerCpu'] }));
      await create('send-off', custom('/send-off', { enabled: false }));
    });

    it('raises one Custom alert addressed to the alerters named, logged in its Update', async () => {
      const start = Date.now();
      const update = await completed(
        admin,
        await admin.execute<UpdateView>('SendAlert', {
          level: 'WARNING',
          message: 'disk replaced',
          details: 'rack 4',
          alerters: ['send-named'],
        }),
      );
      expect([update.operation, update.success]).toEqual(['SendAlert', true]);
      expect(update.logs[0].stage).toBe('Send alert');
      expect(update.logs[0].stdout).toContain('"message": "disk replaced"');
      expect(update.logs[0].stdout).toContain(`send-named (${named})`);
      const alerts = await raised();
      expect(alerts.at(-1)).toMatchObject({
        type: 'Custom',
        level: 'WARNING',
        data: { data: { message: 'disk replaced', details: 'rack 4' } },
        alerters: [named],
      });
      // The delivery engine delivers it to that alerter only, Komodo's Alert JSON.
      const got = await eventually(async () => {
        const hits = receiver.requests.filter((r) => r.body.includes('disk replaced'));
        expect(hits.length).toBeGreaterThan(0);
        return hits;
      });
      console.log(`SendAlert: ${Date.now() - start} ms from the request to the receiver`);
      expect(got.map((r) => r.path)).toEqual(['/named']);
      expect(got[0].json).toMatchObject({
        level: 'WARNING',
        data: { type: 'Custom', data: { message: 'disk replaced', details: 'rack 4' } },
      });
    });

    it('none named: every enabled alerter the caller may execute that takes Custom', async () => {
      const update = await completed(
        admin,
        await admin.execute<UpdateView>('SendAlert', { message: 'to everyone' }),
      );
      expect(update.success).toBe(true);
      const alert = (await raised()).at(-1)!;
      expect(alert.level).toBe('OK');
      expect(alert.alerters).toEqual(expect.arrayContaining([named, all]));
      expect(alert.alerters).not.toContain(notCustom);
      expect(update.logs[0].stdout).not.toContain('send-off');
      const paths = await eventually(async () => {
        const hit = receiver.requests.filter((r) => r.body.includes('to everyone'));
        const at = hit.map((r) => r.path);
        expect(at).toEqual(expect.arrayContaining(['/named', '/all']));
        return at;
      });
      expect(paths).not.toContain('/servers');
      expect(paths).not.toContain('/send-off');
    });

    it('400 on a bad level or an empty message, nothing raised', async () => {
      // The delivery engine is still appending what earlier tests sent: count alerts, not events.
      const before = (await raised()).length;
      for (const params of [{ level: 'PANIC', message: 'x' }, { message: '' }, { level: 'OK' }]) {
        const answer = await admin.call<{ error: string }>('execute', 'SendAlert', params);
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatch(/level|message/);
      }
      expect((await raised()).length).toBe(before);
    });

    it('403 naming the alerter for a user with Read on it only; 400 when none named', async () => {
      const reader = await enabledUser(monitor, 'reader');
      const { _id } = await admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'reader' });
      await grant(admin, _id.$oid, { type: 'Alerter', id: named }, 'Read');
      const before = (await raised()).length;
      const updates = monitor.runtime.readModel.listUpdates().length;
      const refused = await reader.client.call<{ error: string }>('execute', 'SendAlert', {
        message: 'hello team',
        alerters: ['send-named'],
      });
      expect([refused.status, refused.body.error]).toEqual([
        403,
        expect.stringContaining("Alerter 'send-named'"),
      ]);
      const none = await reader.client.call<{ error: string }>('execute', 'SendAlert', {
        message: 'hello team',
      });
      expect([none.status, none.body.error]).toEqual([400, expect.stringContaining('Execute')]);
      expect((await raised()).length).toBe(before);
      expect(monitor.runtime.readModel.listUpdates().length).toBe(updates);

      await grant(admin, _id.$oid, { type: 'Alerter', id: named }, 'Execute');
      await reader.client.execute('SendAlert', { message: 'hello team', alerters: [named] });
      const alert = await eventually(async () => {
        const last = (await raised()).at(-1)!;
        expect(last.data.data.message).toBe('hello team');
        return last;
      });
      expect(alert.alerters).toEqual([named]);
    });
  });

  describe('list info', () => {
    it('shows enabled, endpoint type, health and the newest delivery', async () => {
      const id = await create('listed', custom('/listed', { enabled: false }));
      const find = async () =>
        (await admin.read<AlerterItem[]>('ListAlerters', {})).find((a) => a.name === 'listed')!;
      expect((await find()).info).toEqual({
        enabled: false,
        endpoint_type: 'Custom',
        health: 'Ok',
      });

      // What the delivery engine records of a receiver down for good: five failed attempts, the
      // delivery given up, the alerter Failing (as the engine would fold it too).
      const meta = {
        userId: 'system',
        via: 'system' as const,
        correlationId: 'c',
        causationId: 'c',
        at: 1_700_000_000_000,
      };
      let n = 0;
      const event = (type: string, data: object) => ({
        id: `${id}-${n++}`,
        type,
        data,
        metadata: meta,
      });
      const subject = {
        alert_event_key: 'a1:0',
        alerter_id: id,
        alert_type: 'Custom',
        level: 'OK',
        target: { type: 'System', id: 'system' },
      };
      const attempts = [1, 2, 3, 4, 5].flatMap((attempt) => [
        event('DeliveryAttemptClaimed', { attempt, at: attempt * 10, by: 'test' }),
        event('DeliveryAttemptFailed', {
          attempt,
          at: attempt * 10 + 1,
          status: 500,
          error: 'Custom: answered 500',
          retryable: true,
          ...(attempt < 5 ? { next_attempt_at: attempt * 10 + 5 } : {}),
        }),
      ]);
      await monitor.runtime.store.append(
        deliveryStream('a1:0', id),
        [
          event('DeliveryDecided', { ...subject, verdict: 'send', at: 1 }),
          ...attempts,
          event('DeliveryGivenUp', { at: 3_000, reason: 'gave up after 5 attempts' }),
        ],
        'no_stream',
      );
      const { position } = await monitor.runtime.store.append(
        alerterHealthStream(id),
        [event('AlerterHealthChanged', { from: 'Ok', to: 'Failing', failures_in_a_row: 5, at: 4 })],
        'any',
      );
      await monitor.runtime.readModel.waitFor(position);
      expect((await find()).info).toEqual({
        enabled: false,
        endpoint_type: 'Custom',
        health: 'Failing',
        last_delivery: { state: 'GivenUp', ts: 3_000 },
      });
      const got = await admin.read<{ info: AlerterItem['info'] }>('GetAlerter', { alerter: id });
      expect(got.info).toEqual({
        health: 'Failing',
        last_delivery: { state: 'GivenUp', ts: 3_000 },
      });
      const summary = await admin.read<Record<string, number>>('GetAlertersSummary', {});
      expect(summary.failing).toBe(1);
      expect(summary.total).toBe(summary.ok + summary.failing);
      // The alerter itself is as it was.
      expect((await find()).id).toBe(id);
    });
  });
});
