import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { completion } from '@monitor/executions';
import { startNatsServer, type RunningNats } from '@monitor/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { median } from '../support/percentiles';
import { signUp } from '../support/sign-up';
import { SelfTime } from './self-time';

/**
 * `npm run bench:procedure`: `PROCEDURES` (50) RunProcedure at once, each of a procedure whose
 * one stage holds one DestroyDeployment (of a deployment never deployed: one call to the local
 * agent), beside the same executions called directly, in the embedded Monitor, in pairs
 * (direct then procedures) over `ROUNDS` (5): the median of the pairs' ratios. What a run adds:
 * its Update, its stream and lease, the check of its user, the child sent over the bus.
 * `BENCH_STORE=jetstream`: the same Monitor on the distributed store, JetStream on a
 * nats-server of its own. The CPU time this process spent is given beside the wall time: on a
 * machine others share, it says more; the load average beside it says how shared it was.
 * `PROFILE=1`: the self time of the functions each half ran, summed over the rounds (SelfTime).
 */
const COUNT = Number(process.env.PROCEDURES ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const STORE = process.env.BENCH_STORE === 'jetstream' ? 'jetstream' : 'sqlite';
const AIM = STORE === 'jetstream' ? 1.5 : 1.3;
const PROFILE = process.env.PROFILE === '1';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-procedure-'));
  let nats: RunningNats | undefined;
  const store: Record<string, string> = {};
  if (STORE === 'jetstream') {
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
      // The agent runs in this process: a stats sample (tens of ms of CPU) would land in a half.
      MONITOR_LOCAL_AGENT_STATS_POLLING_RATE_MS: String(3_600_000),
      MONITOR_MONITORING_ENABLED: 'false',
      ...store,
    }),
    { logger: false },
  );
  try {
    const jwt = await signUp(monitor.url);
    const call = async <T>(path: string, body: object): Promise<T> => {
      const res = await fetch(`${monitor.url}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: jwt },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    // Waits for the agent's first two samples (taken 1 s apart at start): then none for an hour.
    await call('read/GetSystemStats', { server: 'local' });
    const names = Array.from({ length: COUNT }, (_, i) => `bench-${i}`);
    for (const name of names) {
      await call('write/CreateDeployment', { name, config: { server_id: 'local' } });
      await call('write/CreateProcedure', {
        name,
        config: {
          stages: [
            {
              name: 'destroy',
              enabled: true,
              executions: [
                {
                  execution: { type: 'DestroyDeployment', params: { deployment: name } },
                  enabled: true,
                },
              ],
            },
          ],
        },
      });
    }
    /**
     * Sends every request at once: ms until the last Update has completed, successfully, and
     * the CPU ms this process spent meanwhile.
     */
    const timed = async (request: string, param: string) => {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const updates = await Promise.all(
        names.map((name) =>
          call<{ _id: { $oid: string } }>(`execute/${request}`, { [param]: name }),
        ),
      );
      const done = await Promise.all(
        updates.map((u) => completion(monitor.runtime.readModel, u._id.$oid, 120_000)),
      );
      const elapsed = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      if (done.some((u) => !u.success)) throw new Error(`a ${request} failed`);
      return { ms: elapsed, cpu: (cpu.user + cpu.system) / 1000 };
    };
    await timed('DestroyDeployment', 'deployment'); // warm-up
    await timed('RunProcedure', 'procedure');
    const profile = PROFILE ? new SelfTime() : undefined;
    await profile?.start();
    const measured = (half: string, request: string, param: string) =>
      profile ? profile.during(half, () => timed(request, param)) : timed(request, param);
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    /** CPU ms of every round, by half: their ratio moves less than any one round's. */
    const cpuTotals = { direct: 0, procedures: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      const direct = await measured('direct', 'DestroyDeployment', 'deployment');
      const procedures = await measured('procedures', 'RunProcedure', 'procedure');
      ratios.push(procedures.ms / direct.ms);
      cpuRatios.push(procedures.cpu / direct.cpu);
      cpuTotals.direct += direct.cpu;
      cpuTotals.procedures += procedures.cpu;
      console.log(
        `round ${round}: direct ${direct.ms.toFixed(0)} ms (cpu ${direct.cpu.toFixed(0)}), procedures ${procedures.ms.toFixed(0)} ms (cpu ${procedures.cpu.toFixed(0)}), ratio ${ratios.at(-1)!.toFixed(2)} (cpu ${cpuRatios.at(-1)!.toFixed(2)})`,
      );
    }
    if (profile) console.log(profile.report());
    console.log(
      `${COUNT} RunProcedure beside ${COUNT} direct DestroyDeployment (${STORE}): median ratio ${median(ratios).toFixed(2)}, of CPU time ${median(cpuRatios).toFixed(2)} (aim: under ${AIM}), of all rounds' CPU time ${(cpuTotals.procedures / cpuTotals.direct).toFixed(2)}; CPU ratios ${Math.min(...cpuRatios).toFixed(2)}-${Math.max(...cpuRatios).toFixed(2)}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
    );
  } finally {
    await monitor.close();
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
