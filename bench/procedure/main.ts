import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { completion } from '@monitor/executions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { median } from '../support/percentiles';
import { signUp } from '../support/sign-up';

/**
 * `npm run bench:procedure`: `PROCEDURES` (50) RunProcedure at once, each of a procedure whose
 * one stage holds one DestroyDeployment (of a deployment never deployed: one call to the local
 * agent), beside the same executions called directly, in the embedded Monitor, in pairs
 * (direct then procedures) over `ROUNDS` (5): the median of the pairs' ratios. What a run adds:
 * its Update, its stream and lease, the check of its user, the child sent over the bus.
 */
const COUNT = Number(process.env.PROCEDURES ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-procedure-'));
  const monitor = await startMonitor(
    loadConfig({
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: '0',
      MONITOR_DATA_DIR: dataDir,
      MONITOR_LOCAL_AGENT_ENABLED: 'true',
      MONITOR_LOCAL_AGENT_PORT: '0',
      MONITOR_MONITORING_ENABLED: 'false',
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
    /** Sends every request at once; ms until the last Update has completed, successfully. */
    const timed = async (request: string, param: string) => {
      const start = performance.now();
      const updates = await Promise.all(
        names.map((name) =>
          call<{ _id: { $oid: string } }>(`execute/${request}`, { [param]: name }),
        ),
      );
      const done = await Promise.all(
        updates.map((u) => completion(monitor.runtime.readModel, u._id.$oid, 120_000)),
      );
      const elapsed = performance.now() - start;
      if (done.some((u) => !u.success)) throw new Error(`a ${request} failed`);
      return elapsed;
    };
    await timed('DestroyDeployment', 'deployment'); // warm-up
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const direct = await timed('DestroyDeployment', 'deployment');
      const procedures = await timed('RunProcedure', 'procedure');
      ratios.push(procedures / direct);
      console.log(
        `round ${round}: direct ${direct.toFixed(0)} ms, procedures ${procedures.toFixed(0)} ms, ratio ${(procedures / direct).toFixed(2)}`,
      );
    }
    console.log(
      `${COUNT} RunProcedure beside ${COUNT} direct DestroyDeployment: median ratio ${median(ratios).toFixed(2)} (aim: under 1.3 embedded)`,
    );
  } finally {
    await monitor.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
