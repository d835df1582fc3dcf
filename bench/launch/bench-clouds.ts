import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { FakeEc2, FakeHetzner } from '@monitor/testing';

const token = (length: number) => randomBytes(length).toString('hex').slice(0, length);

/** The agent host (agent-host.ts) forked, and a call answered when it has done what was asked. */
function agentHost() {
  const child = fork(join(__dirname, 'agent-host.js'), [], { stdio: 'inherit' });
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let next = 0;
  child.on('message', ({ id, error }: { id: number; error?: string }) => {
    const call = waiting.get(id);
    waiting.delete(id);
    if (error) call?.reject(new Error(`agent host: ${error}`));
    else call?.resolve();
  });
  const ask = (message: object) =>
    new Promise<void>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      child.send({ id, ...message });
    });
  return {
    ask,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/**
 * FakeEc2 and FakeHetzner on 127.0.0.1 with the same boot delay, and, when a machine turns
 * running, a real agent started from its user data (its passkey, port and TLS pair) before the
 * fake says so, in a process of their own: both halves of the bench pay for the same boots.
 * `env` points an embedded Monitor's `[aws]` and `[hetzner]` at them.
 */
export async function startBenchClouds(bootMs: number) {
  const awsKeyId = `AKIA${token(16).toUpperCase()}`;
  const awsSecret = token(40);
  const hetznerToken = token(64);
  const ec2 = await FakeEc2.start({ runningAfterMs: bootMs, accessKeyId: awsKeyId });
  const hetzner = await FakeHetzner.start({
    runningAfterMs: bootMs,
    actionMs: 20,
    token: hetznerToken,
  });
  const host = agentHost();
  let agentBootMs = 0;
  const startAgent = async (userData: string) => {
    const start = performance.now();
    await host.ask({ userData });
    agentBootMs += performance.now() - start;
  };
  ec2.onRunning((instance) => startAgent(instance.userData));
  hetzner.onRunning((server) => startAgent(server.userData));
  return {
    ec2,
    hetzner,
    awsAccount: { access_key_id: awsKeyId, secret_access_key: awsSecret, endpoint: ec2.endpoint },
    hetznerAccount: { token: hetznerToken, baseUrl: hetzner.baseUrl },
    env: {
      MONITOR_AWS_ACCESS_KEY_ID: awsKeyId,
      MONITOR_AWS_SECRET_ACCESS_KEY: awsSecret,
      MONITOR_AWS_ENDPOINT: ec2.endpoint,
      MONITOR_HETZNER_TOKEN: hetznerToken,
      MONITOR_HETZNER_BASE_URL: hetzner.baseUrl,
    },
    /** The time spent starting agents so far (inside a Describe/GET, on either half). */
    agentBootMs: () => agentBootMs,
    /** Every call either fake received so far. */
    callCount: () => ec2.calls.length + hetzner.calls.length,
    /** Stops the agents the machines ran, freeing their ports for the next round. */
    closeAgents: () => host.ask({ close: true }),
    async close() {
      await host.stop();
      await Promise.all([ec2.close(), hetzner.close()]);
    },
  };
}

export type BenchClouds = Awaited<ReturnType<typeof startBenchClouds>>;
