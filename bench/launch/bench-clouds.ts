import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentBootOf, FakeEc2, FakeHetzner } from '@monitor/testing';
import { peripheryConfig } from '../../apps/periphery/src/config';
import { startPeriphery, type PeripheryApp } from '../../apps/periphery/src/periphery-app';

const token = (length: number) => randomBytes(length).toString('hex').slice(0, length);

/**
 * FakeEc2 and FakeHetzner on 127.0.0.1 with the same boot delay, and, when a machine turns
 * running, a real agent started from its user data (its passkey, port and TLS pair), in this
 * process as the fakes are: both halves of the bench pay for the same boots. `env` points an
 * embedded Monitor's `[aws]` and `[hetzner]` at them.
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
  const agents: { app: PeripheryApp; folder: string }[] = [];
  let agentBootMs = 0;
  const startAgent = async (userData: string) => {
    const start = performance.now();
    const boot = agentBootOf(userData);
    const folder = mkdtempSync(join(tmpdir(), 'bench-launch-agent-'));
    const tls = boot.tls
      ? {
          ssl_enabled: true,
          ssl_key_file: join(folder, 'key.pem'),
          ssl_cert_file: join(folder, 'cert.pem'),
        }
      : {};
    if (boot.tls) {
      writeFileSync(tls.ssl_key_file!, boot.tls.key, { mode: 0o600 });
      writeFileSync(tls.ssl_cert_file!, boot.tls.cert, { mode: 0o600 });
    }
    const config = peripheryConfig({
      port: boot.port,
      bind_ip: '127.0.0.1',
      passkeys: [boot.passkey],
      root_directory: join(folder, 'root'),
      ...tls,
    });
    agents.push({ app: await startPeriphery(config, { logger: false }), folder });
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
    async closeAgents() {
      for (const { app, folder } of agents.splice(0)) {
        await app.close();
        rmSync(folder, { recursive: true, force: true });
      }
    },
    async close() {
      await this.closeAgents();
      await Promise.all([ec2.close(), hetzner.close()]);
    },
  };
}

export type BenchClouds = Awaited<ReturnType<typeof startBenchClouds>>;
