import type { RunningNats } from '../libs/testing/src';

export default async function globalTeardown(): Promise<void> {
  const servers = (globalThis as { __monitorNats?: RunningNats[] }).__monitorNats ?? [];
  await Promise.all(servers.map((s) => s.stop()));
}
