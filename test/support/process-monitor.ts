import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, stopChild } from '@monitor/testing';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface MonitorProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts a built app (`npm test` builds first) as its own process, as `npm start` would, and
 * waits until its gateway answers, or until a service without one says it serves.
 */
export async function startProcess(
  app: string,
  env: Record<string, string>,
  options: { http?: boolean } = { http: true },
): Promise<MonitorProcess> {
  const port = env.MONITOR_PORT ?? String(await freePort());
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', app, 'src', 'main.js')], {
    env: {
      ...process.env,
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: port,
      MONITOR_LOCAL_AGENT_ENABLED: 'false',
      MONITOR_MONITORING_ENABLED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  if (options.http !== false) await waitForHttp(url, child, () => output);
  // A service without a gateway is ready once it has said so (after its NATS handlers listen).
  else await waitForOutput(/is serving on NATS/, child, () => output);
  return { url, child, output: () => output, stop: () => stopChild(child) };
}

async function waitForOutput(
  ready: RegExp,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!ready.test(output())) {
    // A process killed by a signal has no exit code, only its signal.
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`process exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`process not ready in 30 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    // A process killed by a signal has no exit code, only its signal.
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`process exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/read/GetVersion`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      // Any answer will do: without credentials it is a 401, which proves the gateway is up.
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url} within 30 s:\n${output()}`);
}
