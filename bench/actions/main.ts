import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { median, percentile } from '../support/percentiles';
import { signUp } from '../support/sign-up';

/**
 * `npm run bench:actions`: `RUNS` runs (default 20) of an empty Action in the embedded Monitor,
 * each from RunAction's request to its Update complete (API key made and deleted, folder written,
 * a sandboxed Node started and ended), beside `node -e ''` started and ended in the same run.
 */
const RUNS = Number(process.env.RUNS ?? 20);

async function main(): Promise<void> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-actions-'));
  const monitor = await startMonitor(
    loadConfig({
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: String(port),
      MONITOR_DATA_DIR: dataDir,
      MONITOR_LOCAL_AGENT_ENABLED: 'false',
      MONITOR_MONITORING_ENABLED: 'false',
      MONITOR_ACTIONS_API_URL: `http://127.0.0.1:${port}`,
    }),
    { logger: false },
  );
  try {
    const jwt = await signUp(monitor.url);
    const call = async (path: string, params: object) => {
      const answer = await fetch(`${monitor.url}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: jwt },
        body: JSON.stringify(params),
      });
      if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as Record<string, unknown>;
    };
    await call('write/CreateAction', { name: 'empty', config: { file_contents: '' } });

    const node: number[] = [];
    const actions: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      node.push(await timed(() => nodeEval()));
      actions.push(
        await timed(async () => {
          const update = await call('execute/RunAction', { action: 'empty' });
          const id = (update._id as { $oid: string }).$oid;
          for (;;) {
            const current = await call('read/GetUpdate', { id });
            if (current.status === 'Complete') {
              if (!current.success) throw new Error(`RunAction failed: ${JSON.stringify(current)}`);
              return;
            }
            await new Promise((r) => setTimeout(r, 5));
          }
        }),
      );
    }
    const line = (name: string, xs: number[]) =>
      `${name.padEnd(16)} p50 ${median(xs).toFixed(0)} ms, p90 ${percentile(xs, 0.9).toFixed(0)} ms`;
    console.log(`${RUNS} runs`);
    console.log(line("node -e ''", node));
    console.log(line('empty Action', actions));
    console.log(`ratio (p50): ${(median(actions) / median(node)).toFixed(2)}`);
  } finally {
    await monitor.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function nodeEval(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`node -e: ${code}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
