import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
} from '@monitor/testing';
import { peripheryConfig, startPeriphery, type PeripheryApp } from '../../apps/periphery/src';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed, type UpdateView } from '../support/updates';

const INTERVAL = 400;

interface Delivery {
  id: string;
  alert_id: string;
  alert_type: string;
  alerter_name: string;
  state: string;
  attempts: number;
  last_status?: number;
  reason?: string;
  next_attempt_ts?: number;
  delivered_ts?: number;
}
interface KomodoAlertJson {
  _id?: { $oid: string };
  resolved: boolean;
  level: string;
  data: { type: string; data: Record<string, unknown> };
}

/** Alerts delivered end to end: polling's alerts and Updates' outcomes reach the receivers. */
describe('alerter delivery, end to end', () => {
  let monitor: EmbeddedMonitor;
  let remote: PeripheryApp | undefined;
  let remotePort: number;
  const receivers: HttpReceiver[] = [];
  const startRemote = () =>
    startPeriphery(
      peripheryConfig({
        port: remotePort,
        bind_ip: '127.0.0.1',
        passkeys: ['delivery-passkey'],
        root_directory: mkdtempSync(join(tmpdir(), 'monitor-delivery-agent-')),
        stats_polling_rate_ms: 200,
      }),
    );
  const customAlerter = async (name: string, receiver: HttpReceiver, config: object = {}) =>
    monitor.admin.write<{ _id: { $oid: string } }>('CreateAlerter', {
      name,
      config: {
        enabled: true,
        endpoint: { type: 'Custom', params: { url: `${receiver.url}/hook` } },
        ...config,
      },
    });
  const received = (receiver: HttpReceiver, type: string) =>
    receiver.requests
      .map((r) => ({ key: r.headers['idempotency-key'], alert: r.json as KomodoAlertJson }))
      .filter(({ alert }) => alert?.data?.type === type);

  beforeAll(async () => {
    remotePort = await freePort();
    remote = await startRemote();
    monitor = await startEmbedded({
      ...LOCAL_AGENT_ENV,
      MONITOR_MONITORING_ENABLED: 'true',
      MONITOR_MONITORING_INTERVAL_MS: String(INTERVAL),
      MONITOR_MONITORING_TIMEOUT_MS: '300',
      MONITOR_ALERTER_LINK_BASE: 'https://monitor.example',
      MONITOR_ALERTER_RETRY_BASE_MS: '100',
    });
    for (let i = 0; i < 5; i++) receivers.push(await startHttpReceiver());
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await remote?.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('delivers ServerUnreachable to every matching alerter, then its resolve, in order', async () => {
    const [ops, oncall, builds] = receivers;
    await customAlerter('ops', ops);
    await customAlerter('oncall', oncall, { alert_types: ['ServerUnreachable'] });
    await customAlerter('builds-only', builds, { alert_types: ['BuildFailed'] });
    await monitor.admin.write('CreateServer', {
      name: 'flaky',
      config: { address: remote!.url, passkey: 'delivery-passkey', enabled: true },
    });
    await eventually(async () =>
      expect(
        (await monitor.admin.read<{ status: string }>('GetServerState', { server: 'flaky' }))
          .status,
      ).toBe('Ok'),
    );
    await remote!.close();
    remote = undefined;
    // What a receiver heard, open (false) or resolved (true), in order. A loaded machine may see
    // the server flap once more; the order must hold whatever the count.
    const heard = (receiver: HttpReceiver) =>
      received(receiver, 'ServerUnreachable').map((r) => r.alert.resolved);
    for (const receiver of [ops, oncall]) {
      await eventually(async () => expect(heard(receiver)[0]).toBe(false));
    }
    remote = await startRemote();
    for (const receiver of [ops, oncall]) {
      await eventually(async () => expect(heard(receiver).at(-1)).toBe(true));
      // Opens and resolves alternate, an open first: no resolve overtook its open.
      expect(heard(receiver)).toEqual(heard(receiver).map((_, i) => i % 2 === 1));
      const [open, resolve] = received(receiver, 'ServerUnreachable');
      // One key per (alert event, alerter): the open and the resolve are two deliveries.
      expect(open.key).toMatch(/^delivery-[0-9a-f]{24}-[0-9a-f]{24}:0$/);
      expect(resolve.key).not.toBe(open.key);
      expect(open.alert.level).toBe('CRITICAL');
    }
    expect(received(builds, 'ServerUnreachable')).toEqual([]);

    const deliveries = await monitor.admin.read<Delivery[]>('ListAlertDeliveries', {
      alerter: 'oncall',
    });
    const unreachable = deliveries.filter((d) => d.alert_type === 'ServerUnreachable');
    expect(unreachable.map((d) => [d.state, d.attempts, d.last_status])).toEqual(
      heard(oncall).map(() => ['Delivered', 1, 200]),
    );
    const skipped = await monitor.admin.read<Delivery[]>('ListAlertDeliveries', {
      alerter: 'builds-only',
      state: 'Skipped',
    });
    expect(skipped.map((d) => d.alert_type)).toContain('ServerUnreachable');
  }, 60_000);

  it('delivers DeploymentDeployFailed with the pull error in its log tail', async () => {
    const [ops] = receivers;
    await monitor.admin.write('CreateDeployment', {
      name: 'unpullable',
      config: {
        server_id: 'local',
        image: {
          type: 'Image',
          params: { image: `localhost/monitor-missing-${process.pid}:missing` },
        },
      },
    });
    const update = await completed(
      monitor.admin,
      await monitor.admin.execute<UpdateView>('Deploy', { deployment: 'unpullable' }),
    );
    expect(update.success).toBe(false);
    const [failed] = await eventually(async () => {
      const found = received(ops, 'DeploymentDeployFailed');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(failed.alert.level).toBe('CRITICAL');
    expect(failed.alert.resolved).toBe(true);
    expect(failed.alert.data.data).toMatchObject({ name: 'unpullable', stage: expect.any(String) });
    expect(String(failed.alert.data.data.log_tail)).toMatch(/missing/);
    // Stored as an alert (resolved at once) and listed with its delivery.
    const { alerts } = await monitor.admin.read<{ alerts: KomodoAlertJson[] }>('ListAlerts', {
      query: { 'data.type': 'DeploymentDeployFailed' },
    });
    expect(alerts.map((a) => [a.resolved, a._id?.$oid])).toEqual([[true, update._id.$oid]]);
    const deliveries = await monitor.admin.read<Delivery[]>('ListAlertDeliveries', {
      alert: update._id.$oid,
    });
    expect(deliveries.map((d) => [d.alerter_name, d.state]).sort()).toEqual([
      ['builds-only', 'Skipped'],
      ['oncall', 'Skipped'],
      ['ops', 'Delivered'],
    ]);
  }, 60_000);

  it('delivers over SMTP to an Email alerter, its sealed password opened at send time', async () => {
    const smtp = await startSmtpReceiver();
    try {
      await monitor.admin.write('CreateAlerter', {
        name: 'mail',
        config: {
          enabled: true,
          alert_types: ['Custom'],
          endpoint: {
            type: 'Email',
            params: {
              host: '127.0.0.1',
              port: smtp.port,
              security: 'none',
              username: 'monitor',
              password: 'smtp-password-e2e',
              from: 'monitor@example.com',
              to: ['ops@example.com'],
            },
          },
        },
      });
      await monitor.admin.execute('SendAlert', { message: 'by mail', alerters: ['mail'] });
      const [mail] = await smtp.waitFor(1);
      expect([mail.user, mail.to, mail.subject]).toEqual([
        'monitor',
        ['ops@example.com'],
        expect.stringContaining('by mail'),
      ]);
      await eventually(async () => {
        const [delivery] = await monitor.admin.read<Delivery[]>('ListAlertDeliveries', {
          alerter: 'mail',
        });
        expect([delivery.state, delivery.last_status]).toEqual(['Delivered', 250]);
      });
    } finally {
      await smtp.close();
    }
  });

  it("holds an alert inside the alerter's maintenance window and sends it when the window ends", async () => {
    const held = receivers[3];
    // A window from this minute for one minute: it ends at the next minute's start.
    if (new Date().getUTCSeconds() > 50) await new Promise((r) => setTimeout(r, 11_000));
    const now = new Date();
    const end = Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate(),
      now.getUTCHours(),
      now.getUTCMinutes() + 1,
    );
    // Custom alerts only: a ServerUnreachable of the flaky server (polled with a 300 ms timeout
    // on a busy machine) would otherwise be held with it and come first.
    await customAlerter('night-shift', held, {
      alert_types: ['Custom'],
      maintenance_windows: [
        {
          name: 'deploying',
          schedule_type: 'Daily',
          hour: now.getUTCHours(),
          minute: now.getUTCMinutes(),
          duration_minutes: 1,
          timezone: 'UTC',
          enabled: true,
        },
      ],
    });
    await monitor.admin.execute('SendAlert', {
      message: 'after the window',
      alerters: ['night-shift'],
    });
    await eventually(async () => {
      const [delivery] = await monitor.admin.read<Delivery[]>('ListAlertDeliveries', {
        alerter: 'night-shift',
      });
      expect([delivery.state, delivery.reason, delivery.next_attempt_ts]).toEqual([
        'Held',
        'alerter maintenance',
        end,
      ]);
    });
    expect(held.requests).toHaveLength(0);
    const [request] = await held.waitFor(1, 75_000);
    expect(Date.now()).toBeGreaterThanOrEqual(end);
    expect((request.json as KomodoAlertJson).data.data.message).toBe('after the window');
    // The receiver has it; the delivery's outcome is recorded just after the answer.
    await eventually(async () => {
      const [delivery] = await monitor.admin.read<Delivery[]>('ListAlertDeliveries', {
        alerter: 'night-shift',
      });
      expect([delivery.state, delivery.attempts]).toEqual(['Delivered', 1]);
      expect(delivery.delivered_ts).toBeGreaterThanOrEqual(end);
    });
  }, 90_000);

  it('after 5 failed attempts in a row an alerter is Failing and the others are told; then its recovery', async () => {
    const [ops] = receivers;
    const broken = receivers[4];
    broken.answer(...Array.from({ length: 5 }, () => ({ status: 500 })));
    const { _id } = await customAlerter('broken', broken, { alert_types: ['Custom'] });
    await monitor.admin.execute('SendAlert', { message: 'into the void', alerters: ['broken'] });
    const told = await eventually(async () => {
      const found = received(ops, 'AlerterFailing');
      expect(found.map((f) => [f.alert.level, f.alert.resolved])).toEqual([
        ['CRITICAL', false],
        ['CRITICAL', true],
      ]);
      return found;
    }, 30_000);
    expect(told[0].alert.data.data).toMatchObject({
      id: _id.$oid,
      name: 'broken',
      failures_in_a_row: 5,
      error: expect.stringContaining('500'),
    });
    // The sixth try got through: the alert reached its receiver, and the recovery was told.
    expect(broken.requests).toHaveLength(6);
    expect(
      broken.requests.filter((r) => (r.json as KomodoAlertJson).data.type === 'AlerterFailing'),
    ).toEqual([]);
  }, 60_000);
});
