import type { RunningNats } from '../libs/testing/src';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __monitorNats?: RunningNats }).__monitorNats?.stop();
}
