import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { alertDecider, alertStream } from '@monitor/domain';
import { handleCommand, newId, systemMeta } from '@monitor/resources';
import { startHttpReceiver, type HttpReceiver } from '@monitor/testing';
import { api, signUp } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { startProcess, type MonitorProcess } from '../support/process-monitor';
import { eventually } from '../support/eventually';

/** Short tries, set through `[alerter]` as an operator would. */
const ENV = {
  MONITOR_ALERTER_RETRY_BASE_MS: '50',
  MONITOR_ALERTER_RETRY_CAP_MS: '200',
  MONITOR_ALERTER_SEND_TIMEOUT_MS: '1000',
  MONITOR_ALERTER_CLAIM_LEASE_MS: '2000',
};

interface Delivery {
  id: string;
  state: string;
  attempts: number;
  last_status?: number;
}

describe('alerter delivery under faults', () => {
  let monitor: EmbeddedMonitor;
  let dataDir: string;
  const receivers: HttpReceiver[] = [];

  const restart = async () => {
    await monitor.stop();
    monitor = await startEmbedded(ENV, dataDir);
  };
  const alerter = async (name: string, url: string) =>
    (
      await monitor.admin.write<{ _id: { $oid: string } }>('CreateAlerter', {
        name,
        config: { enabled: true, endpoint: { type: 'Custom', params: { url } } },
      })
    )._id.$oid;
  const deliveries = (alerter: string, state?: string) =>
    monitor.admin.read<Delivery[]>('ListAlertDeliveries', {
      alerter,
      ...(state ? { state } : {}),
      limit: 1000,
    });
  const sendAlert = (alerter: string, message: string) =>
    monitor.admin.execute('SendAlert', { message, alerters: [alerter] });

  beforeAll(async () => {
    monitor = await startEmbedded(ENV);
    dataDir = monitor.dataDir;
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const receiver = async () => {
    const r = await startHttpReceiver();
    receivers.push(r);
    return r;
  };

  it('a receiver answering 500 three times gets the alert on the fourth try, same key', async () => {
    const flaky = await receiver();
    flaky.answer({ status: 500 }, { status: 500 }, { status: 500 });
    await alerter('flaky', `${flaky.url}/hook`);
    await sendAlert('flaky', 'fourth time lucky');
    const requests = await flaky.waitFor(4, 15_000);
    expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    await eventually(async () =>
      expect((await deliveries('flaky')).map((d) => [d.state, d.attempts, d.last_status])).toEqual([
        ['Delivered', 4, 200],
      ]),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(flaky.requests).toHaveLength(4);
  }, 30_000);

  it('stopped between tries and started again on the same store, it delivers once', async () => {
    const slow = await receiver();
    // The retry is due in 2 s: the monitor is stopped and started within that.
    slow.answer({ status: 503, headers: { 'retry-after': '2' } });
    await alerter('slow', `${slow.url}/hook`);
    await sendAlert('slow', 'across a restart');
    await slow.waitFor(1, 10_000);
    await eventually(async () =>
      expect((await deliveries('slow')).map((d) => [d.state, d.attempts])).toEqual([
        ['Pending', 1],
      ]),
    );
    await restart();
    const requests = await slow.waitFor(2, 15_000);
    expect(requests[1].headers['idempotency-key']).toBe(requests[0].headers['idempotency-key']);
    await eventually(async () =>
      expect((await deliveries('slow')).map((d) => [d.state, d.attempts])).toEqual([
        ['Delivered', 2],
      ]),
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(slow.requests).toHaveLength(2);
  }, 60_000);

  it('1,000 alerts (open, resolve) with random 500s and 429s and two restarts: every key acknowledged exactly once, in order per alert', async () => {
    const receiver = await startIdempotentReceiver(0xa1e47);
    try {
      const alerterId = await alerter('busy', `${receiver.url}/hook`);
      const alertIds = Array.from({ length: 1000 }, () => newId());
      // What polling does for a problem that comes and goes: an alert opened, then resolved.
      const raise = async (id: string) => {
        const stream = alertStream(id);
        const data = { type: 'Custom' as const, data: { message: `load ${id}` } };
        const target = { type: 'System' as const, id: 'load' };
        const meta = systemMeta();
        await handleCommand(
          monitor.runtime.store,
          stream,
          alertDecider,
          { type: 'Open', id, level: 'WARNING', target, data, ts: Date.now() },
          meta,
        );
        await handleCommand(
          monitor.runtime.store,
          stream,
          alertDecider,
          { type: 'Resolve', ts: Date.now() },
          meta,
        );
      };
      const expected = alertIds.flatMap((id) =>
        [0, 1].map((rev) => `delivery-${alerterId}-${id}:${rev}`),
      );
      for (let i = 0; i < alertIds.length; i += 50) {
        await Promise.all(alertIds.slice(i, i + 50).map(raise));
      }
      await eventually(async () => expect(receiver.acked.size).toBeGreaterThan(600), 60_000);
      await restart();
      await eventually(async () => expect(receiver.acked.size).toBeGreaterThan(1300), 60_000);
      await restart();
      await eventually(async () => expect(receiver.acked.size).toBe(expected.length), 120_000);

      expect([...receiver.acked.keys()].sort()).toEqual([...expected].sort());
      // Each acknowledged once: a send after the receiver's 2xx would be a repeat.
      expect(receiver.repeats).toEqual([]);
      // In order per alert: the resolve acknowledged after the open.
      for (const id of alertIds) {
        const open = receiver.acked.get(`delivery-${alerterId}-${id}:0`)!;
        const resolve = receiver.acked.get(`delivery-${alerterId}-${id}:1`)!;
        expect(open).toBeLessThan(resolve);
      }
      expect(receiver.refused).toBeGreaterThan(100);
      for (const state of ['Pending', 'InFlight', 'Held', 'GivenUp']) {
        expect(await deliveries('busy', state)).toEqual([]);
      }
    } finally {
      await receiver.close();
    }
  }, 300_000);
});

describe('alerter delivery: the process killed (kill -9) mid-send', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-alerter-kill-'));
  let monitor: MonitorProcess | undefined;
  let receiver: HttpReceiver;

  afterAll(async () => {
    await monitor?.stop();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('after the receiver read the body but before it answered: sent again once, same key', async () => {
    receiver = await startHttpReceiver();
    receiver.answer({ hang: true });
    const env = { MONITOR_DATA_DIR: dataDir, ...ENV };
    monitor = await startProcess('monitor', env);
    const auth = await signUp(monitor.url, 'admin');
    let client = api(monitor.url, auth);
    await client.write('CreateAlerter', {
      name: 'hook',
      config: {
        enabled: true,
        endpoint: { type: 'Custom', params: { url: `${receiver.url}/hook` } },
      },
    });
    await client.execute('SendAlert', { message: 'mid-send', alerters: ['hook'] });
    await receiver.waitFor(1, 15_000);
    monitor.child.kill('SIGKILL');
    await new Promise((resolve) => monitor?.child.once('exit', resolve));

    monitor = await startProcess('monitor', env);
    client = api(monitor.url, auth);
    // The attempt left in flight is failed once its lease ends, and claimed again.
    const requests = await receiver.waitFor(2, 20_000);
    expect(requests[1].headers['idempotency-key']).toBe(requests[0].headers['idempotency-key']);
    expect(requests[1].body).toBe(requests[0].body);
    const delivered = await eventually(async () => {
      const [delivery] = await client.read<(Delivery & { last_error?: string })[]>(
        'ListAlertDeliveries',
        { alerter: 'hook' },
      );
      expect([delivery.state, delivery.attempts]).toEqual(['Delivered', 2]);
      return delivery;
    });
    expect(delivered.last_error).toMatch(/abandoned/);
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.requests).toHaveLength(2);
  }, 90_000);
});

/**
 * A receiver that refuses at random (500, or 429 with Retry-After: 0) and otherwise
 * acknowledges each Idempotency-Key once, in the order it acknowledges them; a key sent again
 * after its acknowledgement is answered 200 and counted as a repeat.
 */
async function startIdempotentReceiver(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const acked = new Map<string, number>();
  const repeats: string[] = [];
  let refused = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      if (acked.has(key)) {
        repeats.push(key);
        res.writeHead(200).end('seen');
        return;
      }
      const roll = random();
      if (roll < 0.15) {
        refused++;
        res.writeHead(500).end('busy');
      } else if (roll < 0.25) {
        refused++;
        res.writeHead(429, { 'retry-after': '0' }).end('slow down');
      } else {
        acked.set(key, acked.size);
        res.writeHead(200).end('ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    acked,
    repeats,
    get refused() {
      return refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
