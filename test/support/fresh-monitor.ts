import type { LoggerService } from '@nestjs/common';
import { loadConfig } from '@monitor/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor, type MonitorApp } from '../../apps/monitor/src/monitor-app';

export interface FreshMonitor extends MonitorApp {
  dataDir: string;
  /** Closes the app and removes its data. */
  destroy(): Promise<void>;
}

/**
 * Monitor in this test process, on loopback and a free port, with its own data folder and no
 * user signed up by the test: the first sign-up (a browser's, a race's) makes the admin, as on
 * a new installation. No local agent and no polling unless a test asks: they write events of
 * their own.
 */
export async function startFreshMonitor(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'monitor-e2e-')),
  logger: false | LoggerService = false,
): Promise<FreshMonitor> {
  const config = loadConfig(
    {
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: '0',
      MONITOR_DATA_DIR: dataDir,
      MONITOR_LOCAL_AGENT_ENABLED: 'false',
      MONITOR_MONITORING_ENABLED: 'false',
      ...env,
    },
    undefined,
  );
  const monitor = await startMonitor(config, { logger });
  return {
    ...monitor,
    dataDir,
    destroy: async () => {
      await monitor.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
