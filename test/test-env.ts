/**
 * Where the suite's real services are, as set by globalSetup: this jest worker's nats-server
 * (each worker has its own), or the one `MONITOR_TEST_NATS_URL` names.
 */
export function natsUrl(): string {
  const one = process.env.MONITOR_TEST_NATS_URL;
  if (one) return one;
  const urls = (process.env.MONITOR_TEST_NATS_URLS ?? '').split(' ').filter(Boolean);
  if (!urls.length)
    throw new Error('MONITOR_TEST_NATS_URLS is not set: run the suite through jest (globalSetup)');
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  return urls[(worker - 1) % urls.length];
}
