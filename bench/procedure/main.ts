import 'reflect-metadata';
import { availableParallelism, loadavg } from 'node:os';
import { median } from '../support/percentiles';
import { SelfTime } from './self-time';
import { withTarget, type BenchMode } from './targets';

/**
 * `npm run bench:procedure`: `PROCEDURES` (50) RunProcedure at once, each of a procedure whose
 * one stage holds one DestroyDeployment (of a deployment never deployed: one call to the agent),
 * beside the same executions called directly, in pairs (direct then procedures) over `ROUNDS`
 * (5): the median of the pairs' ratios. What a run adds: its Update, its stream and lease, the
 * check of its user, the child sent over the bus.
 * `BENCH_STORE`: `sqlite` (default), the embedded Monitor; `jetstream`, the same process on the
 * distributed store, with a nats-server of its own; `distributed`, the distributed mode
 * (gateway, procedures, deployer and agent each a process on NATS and JetStream), which the
 * distributed aim is about. The CPU time Monitor's processes spent is given beside the wall
 * time: on a machine others share, it says more; the load average says how shared it was.
 * `PROFILE=1` (one process only): the self time of the functions each half ran (SelfTime).
 */
const COUNT = Number(process.env.PROCEDURES ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const MODES: BenchMode[] = ['sqlite', 'jetstream', 'distributed'];
const MODE = MODES.find((mode) => mode === process.env.BENCH_STORE) ?? 'sqlite';
const AIM = MODE === 'sqlite' ? 1.3 : 1.5;
const PROFILE = process.env.PROFILE === '1' && MODE !== 'distributed';

async function main(): Promise<void> {
  await withTarget(MODE, async ({ url, jwt, server, completion, cpuMs }) => {
    const call = async <T>(path: string, body: object): Promise<T> => {
      const res = await fetch(`${url}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: jwt },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    // Waits for the agent's first two samples (taken 1 s apart at start): then none for an hour.
    await call('read/GetSystemStats', { server });
    const names = Array.from({ length: COUNT }, (_, i) => `bench-${i}`);
    for (const name of names) {
      await call('write/CreateDeployment', { name, config: { server_id: server } });
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
     * the CPU ms Monitor's processes spent meanwhile.
     */
    const timed = async (request: string, param: string) => {
      const start = performance.now();
      const cpuStart = cpuMs();
      const updates = await Promise.all(
        names.map((name) =>
          call<{ _id: { $oid: string } }>(`execute/${request}`, { [param]: name }),
        ),
      );
      const done = await Promise.all(updates.map((u) => completion(u._id.$oid)));
      const elapsed = performance.now() - start;
      const byProcess = since(cpuStart, cpuMs());
      const cpu = Object.values(byProcess).reduce((a, b) => a + b, 0);
      if (done.some((u) => !u.success)) throw new Error(`a ${request} failed`);
      return { ms: elapsed, cpu, byProcess };
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
    /** The same by process: where a run's cost lands (distributed: which service). */
    const byProcess = {
      direct: {} as Record<string, number>,
      procedures: {} as Record<string, number>,
    };
    for (let round = 1; round <= ROUNDS; round++) {
      const direct = await measured('direct', 'DestroyDeployment', 'deployment');
      const procedures = await measured('procedures', 'RunProcedure', 'procedure');
      ratios.push(procedures.ms / direct.ms);
      cpuRatios.push(procedures.cpu / direct.cpu);
      cpuTotals.direct += direct.cpu;
      cpuTotals.procedures += procedures.cpu;
      add(byProcess.direct, direct.byProcess);
      add(byProcess.procedures, procedures.byProcess);
      console.log(
        `round ${round}: direct ${direct.ms.toFixed(0)} ms (cpu ${direct.cpu.toFixed(0)}), procedures ${procedures.ms.toFixed(0)} ms (cpu ${procedures.cpu.toFixed(0)}), ratio ${ratios.at(-1)!.toFixed(2)} (cpu ${cpuRatios.at(-1)!.toFixed(2)})`,
      );
    }
    if (profile) console.log(profile.report());
    const perProcess = Object.keys(byProcess.direct).map(
      (name) =>
        `${name} ${byProcess.direct[name].toFixed(0)} / ${byProcess.procedures[name].toFixed(0)}`,
    );
    console.log(`CPU ms of all rounds by process, direct / procedures: ${perProcess.join(', ')}`);
    console.log(
      `${COUNT} RunProcedure beside ${COUNT} direct DestroyDeployment (${MODE}): median ratio ${median(ratios).toFixed(2)}, of CPU time ${median(cpuRatios).toFixed(2)} (aim: under ${AIM}), of all rounds' CPU time ${(cpuTotals.procedures / cpuTotals.direct).toFixed(2)}; CPU ratios ${Math.min(...cpuRatios).toFixed(2)}-${Math.max(...cpuRatios).toFixed(2)}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
    );
  });
}

/** What each process spent between two readings. */
function since(before: Record<string, number>, after: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(after).map(([name, ms]) => [name, ms - (before[name] ?? 0)]),
  );
}

function add(totals: Record<string, number>, more: Record<string, number>): void {
  for (const [name, ms] of Object.entries(more)) totals[name] = (totals[name] ?? 0) + ms;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
