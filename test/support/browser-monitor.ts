import { loadConfig } from '@monitor/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor, type MonitorApp } from '../../apps/monitor/src/monitor-app';

/**
 * An embedded Monitor with no user yet, so the browser signs the first one up, as a new
 * installation is used. (`startEmbedded` signs an admin up by itself.)
 */
export async function startFreshMonitor(
  env: Record<string, string> = {},
): Promise<MonitorApp & { destroy(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-web-e2e-'));
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
  const monitor = await startMonitor(config, { logger: false });
  return {
    ...monitor,
    destroy: async () => {
      await monitor.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
