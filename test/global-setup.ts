import { startNatsServer } from '../libs/testing/src';

/**
 * Starts the real services the suite needs, once: a nats-server with JetStream on loopback.
 * `MONITOR_TEST_NATS_URL` points the suite at one already running instead.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONITOR_TEST_NATS_URL) return;
  const nats = await startNatsServer();
  process.env.MONITOR_TEST_NATS_URL = nats.url;
  (globalThis as { __monitorNats?: typeof nats }).__monitorNats = nats;
}
