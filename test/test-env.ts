/** Where the suite's real services are, as set by globalSetup. */
export function natsUrl(): string {
  const url = process.env.MONITOR_TEST_NATS_URL;
  if (!url)
    throw new Error('MONITOR_TEST_NATS_URL is not set: run the suite through jest (globalSetup)');
  return url;
}
