import type { Config } from 'jest';
import { startNatsServer, type RunningNats } from '../libs/testing/src';

/**
 * Starts the real services the suite needs, once: a nats-server with JetStream on loopback per
 * jest worker. The bus's subjects are not named per installation, so two distributed Monitors on
 * one server answer each other's requests: a worker runs its suites one at a time, and with a
 * server of its own no two run side by side on one bus. `MONITOR_TEST_NATS_URL` points the whole
 * suite at one already running instead.
 */
export default async function globalSetup(config: { maxWorkers?: Config['maxWorkers'] }) {
  if (process.env.MONITOR_TEST_NATS_URL) return;
  const workers = Math.max(1, Number(config.maxWorkers) || 1);
  const servers: RunningNats[] = [];
  for (let i = 0; i < workers; i++) servers.push(await startNatsServer());
  process.env.MONITOR_TEST_NATS_URLS = servers.map((s) => s.url).join(' ');
  (globalThis as { __monitorNats?: RunningNats[] }).__monitorNats = servers;
}
