import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { alertDecider, alertStream } from '@monitor/domain';
import { handleCommand, newId, systemMeta } from '@monitor/resources';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { signUp } from '../support/sign-up';
import { percentile } from '../support/percentiles';

/**
 * `npm run bench:alerter`: `ALERTS` alerts (default 1,000) opened in the embedded Monitor's
 * store, as polling opens them, delivered to a Custom alerter whose receiver is on 127.0.0.1:
 * p50/p99 from each alert's event to its receipt, and the rate, beside a raw `fetch` POST loop
 * of the same bodies at the same concurrency (`[alerter] concurrency`) in the same run.
 */
const ALERTS = Number(process.env.ALERTS ?? 1000);
const CONCURRENCY = Number(process.env.MONITOR_ALERTER_CONCURRENCY ?? 16);

async function main(): Promise<void> {
  const receiver = await startReceiver();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-alerter-'));
  const monitor = await startMonitor(
    loadConfig({
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: '0',
      MONITOR_DATA_DIR: dataDir,
      MONITOR_LOCAL_AGENT_ENABLED: 'false',
      MONITOR_MONITORING_ENABLED: 'false',
      MONITOR_ALERTER_CONCURRENCY: String(CONCURRENCY),
    }),
    { logger: false },
  );
  try {
    const jwt = await signUp(monitor.url);
    const created = await fetch(`${monitor.url}/write/CreateAlerter`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: jwt },
      body: JSON.stringify({
        name: 'bench',
        config: {
          enabled: true,
          endpoint: { type: 'Custom', params: { url: `${receiver.url}/monitor` } },
        },
      }),
    });
    if (!created.ok) throw new Error(`CreateAlerter: ${created.status} ${await created.text()}`);

    // The raw loop: the same number of POSTs of an alert's body, CONCURRENCY at a time.
    const body = JSON.stringify({
      level: 'WARNING',
      data: { type: 'Custom', data: { message: 'x'.repeat(40) } },
    });
    const rawStart = performance.now();
    await pool(ALERTS, CONCURRENCY, async (i) => {
      const res = await fetch(`${receiver.url}/raw`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `raw-${i}` },
        body,
      });
      await res.text();
    });
    const rawMs = performance.now() - rawStart;

    // Ours: each alert opened as polling opens one; timed from its event to its receipt.
    const raisedAt = new Map<string, number>();
    const start = Date.now();
    await pool(ALERTS, CONCURRENCY, async (i) => {
      const id = newId();
      raisedAt.set(id, Date.now());
      await handleCommand(
        monitor.runtime.store,
        alertStream(id),
        alertDecider,
        {
          type: 'Open',
          id,
          level: 'WARNING',
          target: { type: 'System', id: 'bench' },
          data: { type: 'Custom', data: { message: `bench alert ${i}` } },
          ts: Date.now(),
        },
        systemMeta(),
      );
    });
    await receiver.received(ALERTS);
    const oursMs = Math.max(...receiver.monitorTimes.values()) - start;
    const latencies = [...receiver.monitorTimes].map(([key, at]) => {
      const alertId = /-([0-9a-f]{24}):0$/.exec(key)![1];
      return at - raisedAt.get(alertId)!;
    });

    const rawRate = (ALERTS / rawMs) * 1000;
    const oursRate = (ALERTS / oursMs) * 1000;
    console.log(
      `raw fetch POST loop (${ALERTS} at ${CONCURRENCY} at a time): ${rawRate.toFixed(0)}/s (${rawMs.toFixed(0)} ms)`,
    );
    console.log(
      `alerts delivered (${ALERTS}, event to receipt): ${oursRate.toFixed(0)}/s (${oursMs} ms), p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms, max ${Math.max(...latencies)} ms`,
    );
    console.log(`ratio to the raw loop: ${(oursRate / rawRate).toFixed(2)} (aim: at least 0.3)`);
  } finally {
    await monitor.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A receiver that answers 200 and notes when each key of the Monitor's sends arrived first. */
async function startReceiver() {
  const monitorTimes = new Map<string, number>();
  let waiting: { count: number; resolve: () => void } | undefined;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      if (req.url === '/monitor' && !monitorTimes.has(key)) monitorTimes.set(key, Date.now());
      res.writeHead(200).end('ok');
      if (waiting && monitorTimes.size >= waiting.count) waiting.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    monitorTimes,
    received: (count: number) =>
      new Promise<void>((resolve, reject) => {
        if (monitorTimes.size >= count) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`${monitorTimes.size} of ${count} received in 5 min`)),
          300_000,
        );
        waiting = { count, resolve: () => (clearTimeout(timer), resolve()) };
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function pool(count: number, width: number, run: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await run(next++);
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
