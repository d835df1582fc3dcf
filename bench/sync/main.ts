import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { loadConfig } from '@monitor/config';
import { completion } from '@monitor/executions';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { SyncPlanner } from '../../apps/sync/src/planning/sync-planner';
import { median } from '../support/percentiles';
import { signUp } from '../support/sign-up';

/**
 * `npm run bench:sync`: the plan of a sync declaring `STACKS` (300) stacks, a third of them
 * changed since the last RunSync, beside a raw smol-toml parse of the same text, in the same
 * run, `ROUNDS` (30) times each: the ratio of the medians (aim: under 10). The plan is the
 * sync service's own path (SyncPlanner: the files read, checked, planned against the read
 * model, and rendered as a refresh stores it); what one plan works out of an unchanged file
 * and unchanged resources is kept for the next, as on every poll. `WARMUP` (20) rounds come
 * first, not counted: the first reads and checks every config, and the next ones let the JIT
 * compile what a long-running sync service runs on every poll (with 10, the first counted plans
 * after a push still ran partly unoptimized code; 30 counted rounds keep a shared machine's
 * stray round from moving the median). Measured twice in the run: a
 * poll (the same text again) and the first plan after a push (each round's text new: the
 * changed third at another version). Beside the wall-clock ratio (the aim's), the ratio of the
 * process's CPU time for each, which a loaded machine's other work does not stretch but which
 * counts every thread (GC's helpers too), and the load average.
 */
const STACKS = Number(process.env.STACKS ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const WARMUP = Math.max(1, Number(process.env.WARMUP ?? 20));

const stack = (i: number, version: number) => `
[[stack]]
name = "app-${i}"
description = "stack ${i}"
[stack.config]
server = "edge"
file_contents = """
services:
  app:
    image: localhost/app-${i}:${version}
"""
environment = """
PORT=${8000 + i}
LEVEL=info
"""
`;

const file = (changedEvery: number, version = 2) =>
  [
    '[[server]]\nname = "edge"\n[server.config]\naddress = "https://edge.local:8120"\n',
    ...Array.from({ length: STACKS }, (_, i) =>
      stack(i, changedEvery && i % changedEvery === 0 ? version : 1),
    ),
  ].join('\n');

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const monitor = await startMonitor(
    loadConfig({
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: '0',
      MONITOR_DATA_DIR: dataDir,
      MONITOR_MONITORING_ENABLED: 'false',
      MONITOR_SYNC_POLL_INTERVAL_MS: '0',
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
    await call('write/CreateResourceSync', { name: 'bench', config: { file_contents: file(0) } });
    const run = await call<{ _id: { $oid: string } }>('execute/RunSync', { sync: 'bench' });
    const applied = await completion(monitor.runtime.readModel, run._id.$oid, 300_000);
    if (!applied.success) throw new Error('the first RunSync failed');
    const changed = file(3);
    await call('write/UpdateResourceSync', { id: 'bench', config: { file_contents: changed } });
    const planner = monitor.app.get(SyncPlanner);
    const sync = () => monitor.runtime.readModel.resource('ResourceSync', 'bench')!;
    const spread = (ms: number[]) => `${Math.min(...ms).toFixed(1)}-${Math.max(...ms).toFixed(1)}`;
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const { user, system } = process.cpuUsage(since);
      return (user + system) / 1000;
    };
    // Both in one run: a poll plans the same text again; the first plan after a push a new one.
    for (const fresh of [false, true]) {
      const planMs: number[] = [];
      const parseMs: number[] = [];
      const planCpu: number[] = [];
      const parseCpu: number[] = [];
      let changes = 0;
      for (let round = 0; round < WARMUP + ROUNDS; round++) {
        const text = fresh ? file(3, round + 2) : changed;
        const synced = sync();
        const read = fresh
          ? { ...synced, config: { ...synced.config, file_contents: text } }
          : synced;
        let start = performance.now();
        let cpu = process.cpuUsage();
        parse(text);
        const raw = performance.now() - start;
        const rawCpu = cpuMs(cpu);
        start = performance.now();
        cpu = process.cpuUsage();
        const planned = await planner.plan(read, () => undefined);
        const plan = performance.now() - start;
        const planCpuMs = cpuMs(cpu);
        changes = planned.plan?.resources.length ?? -1;
        if (round < WARMUP) continue;
        parseMs.push(raw);
        planMs.push(plan);
        parseCpu.push(rawCpu);
        planCpu.push(planCpuMs);
      }
      const ratio = median(planMs) / median(parseMs);
      const cpuRatio = median(planCpu) / median(parseCpu);
      const load = loadavg()[0].toFixed(1);
      console.log(
        `${fresh ? 'first plan after a push (a new text each round)' : 'poll (the same text again)'}: ${STACKS} stacks, ${changes} changed: plan ${median(planMs).toFixed(1)} ms (${spread(planMs)}), raw smol-toml parse ${median(parseMs).toFixed(1)} ms (${spread(parseMs)}; ${(changed.length / 1024).toFixed(0)} KiB): ratio ${ratio.toFixed(1)} (aim: under 10); process CPU time (every thread, GC's helpers too): plan ${median(planCpu).toFixed(1)} ms, parse ${median(parseCpu).toFixed(1)} ms, ratio ${cpuRatio.toFixed(1)}; after ${WARMUP} uncounted round(s), load average ${load}`,
      );
    }
  } finally {
    await monitor.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
