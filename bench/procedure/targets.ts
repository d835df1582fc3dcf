import { loadConfig } from '@monitor/config';
import { completion } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { createRuntime } from '@monitor/runtime';
import { startNatsServer, type RunningNats } from '@monitor/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { withDistributed } from '../support/distributed';
import { signUp } from '../support/sign-up';

/**
 * Where bench:procedure runs: `sqlite`, the embedded Monitor; `jetstream`, the same one process
 * on the distributed store; `distributed`, the distributed mode (gateway, procedures, deployer
 * and agent each a process, on NATS and JetStream).
 */
export type BenchMode = 'sqlite' | 'jetstream' | 'distributed';

export interface BenchTarget {
  url: string;
  jwt: string;
  /** The Server the deployments are on. */
  server: string;
  /** The Update, once complete, as a read model of the same store shows it. */
  completion(updateId: string): Promise<{ success: boolean }>;
  /** The CPU ms each of Monitor's processes has spent so far, by name (embedded: this one). */
  cpuMs(): Record<string, number>;
}

const TIMEOUT_MS = 120_000;
/** No agent stats sample (tens of ms of CPU) in a half: one an hour. */
const HOUR_MS = String(3_600_000);

export function withTarget<T>(mode: BenchMode, run: (target: BenchTarget) => Promise<T>) {
  return mode === 'distributed' ? withDistributedTarget(run) : withEmbedded(mode, run);
}

async function withEmbedded<T>(
  mode: 'sqlite' | 'jetstream',
  run: (target: BenchTarget) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-procedure-'));
  let nats: RunningNats | undefined;
  const store: Record<string, string> = {};
  if (mode === 'jetstream') {
    nats = await startNatsServer();
    Object.assign(store, { MONITOR_EVENT_STORE_KIND: 'jetstream', MONITOR_NATS_URL: nats.url });
  }
  const monitor = await startMonitor(
    loadConfig({
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: '0',
      MONITOR_DATA_DIR: dataDir,
      MONITOR_LOCAL_AGENT_ENABLED: 'true',
      MONITOR_LOCAL_AGENT_PORT: '0',
      MONITOR_LOCAL_AGENT_STATS_POLLING_RATE_MS: HOUR_MS,
      MONITOR_MONITORING_ENABLED: 'false',
      ...store,
    }),
    { logger: false },
  );
  try {
    return await run({
      url: monitor.url,
      jwt: await signUp(monitor.url),
      server: 'local',
      completion: (id) => completion(monitor.runtime.readModel, id, TIMEOUT_MS),
      cpuMs: () => {
        const { user, system } = process.cpuUsage();
        return { monitor: (user + system) / 1000 };
      },
    });
  } finally {
    await monitor.close();
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The distributed mode; this process follows the store with a read model, as a replica would. */
function withDistributedTarget<T>(run: (target: BenchTarget) => Promise<T>): Promise<T> {
  return withDistributed(
    async ({ url, jwt, server, env, processes }) => {
      const runtime = await createRuntime(loadConfig(env));
      try {
        const readModel: ReadModel = runtime.readModel;
        return await run({
          url,
          jwt,
          server,
          completion: (id) => completion(readModel, id, TIMEOUT_MS),
          cpuMs: () =>
            Object.fromEntries(
              Object.entries(processes).map(([name, pid]) => [name, processCpuMs(pid)]),
            ),
        });
      } finally {
        await runtime.close();
      }
    },
    {
      apps: ['deployer', 'procedures'],
      agentEnv: { PERIPHERY_STATS_POLLING_RATE_MS: HOUR_MS },
    },
  );
}

/** User and system time of a process so far, from /proc (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
