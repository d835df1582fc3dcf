import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentBootOf, FakeEc2, FakeHetzner } from '@monitor/testing';
import { startTestAgent, type TestAgent } from '../../apps/periphery/src/testing/test-agent';

/** The agent a launched machine would run, as its user data says (https with its certificate). */
export function launchedAgentConfig(boot: ReturnType<typeof agentBootOf>) {
  if (!boot.tls) return { port: boot.port, passkeys: [boot.passkey] };
  const folder = mkdtempSync(join(tmpdir(), 'launched-agent-'));
  const ssl_key_file = join(folder, 'key.pem');
  const ssl_cert_file = join(folder, 'cert.pem');
  writeFileSync(ssl_key_file, boot.tls.key, { mode: 0o600 });
  writeFileSync(ssl_cert_file, boot.tls.cert, { mode: 0o600 });
  return {
    port: boot.port,
    passkeys: [boot.passkey],
    ssl_enabled: true,
    ssl_key_file,
    ssl_cert_file,
  };
}

const alnum = (length: number, alphabet: string) =>
  [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Both fake clouds, each checking its credentials, with a real agent started from the decoded
 * user data when a machine turns running (unless held); `env` configures a Monitor's `[aws]`, `[hetzner]`
 * and short `[launch]` waits for them.
 */
export async function startFakeClouds() {
  const awsKeyId = `AKIA${alnum(16, UPPER)}`;
  const awsSecret = alnum(40, MIXED);
  const hetznerToken = alnum(64, MIXED);
  const ec2 = await FakeEc2.start({ runningAfterMs: 80, accessKeyId: awsKeyId });
  const hetzner = await FakeHetzner.start({
    runningAfterMs: 80,
    actionMs: 20,
    token: hetznerToken,
  });
  const agents: TestAgent[] = [];
  let holdAgents = false;
  const startAgent = async (userData: string) => {
    if (holdAgents) return;
    agents.push(await startTestAgent(launchedAgentConfig(agentBootOf(userData))));
  };
  ec2.onRunning((instance) => startAgent(instance.userData));
  hetzner.onRunning((server) => startAgent(server.userData));
  const env: Record<string, string> = {
    MONITOR_AWS_ACCESS_KEY_ID: awsKeyId,
    MONITOR_AWS_SECRET_ACCESS_KEY: awsSecret,
    MONITOR_AWS_ENDPOINT: ec2.endpoint,
    MONITOR_HETZNER_TOKEN: hetznerToken,
    MONITOR_HETZNER_BASE_URL: hetzner.baseUrl,
    MONITOR_LAUNCH_INSTANCE_TIMEOUT_MS: '5000',
    MONITOR_LAUNCH_AGENT_TIMEOUT_MS: '5000',
    MONITOR_LAUNCH_POLL_INTERVAL_MS: '25',
    MONITOR_LAUNCH_MAX_POLL_INTERVAL_MS: '200',
  };
  return {
    ec2,
    hetzner,
    agents,
    env,
    /** While held, a machine turning running starts no agent: its launch never hears one. */
    holdAgents(hold: boolean) {
      holdAgents = hold;
    },
    /** The credentials, for searches that none leaked. */
    secrets: [awsSecret, hetznerToken],
    /** Every call either fake received. */
    callCount: () => ec2.calls.length + hetzner.calls.length,
    /** The boots (passkey, TLS key) of every machine launched so far. */
    boots: () =>
      [...ec2.runningInstances(), ...hetzner.runningServers()].map((m) => agentBootOf(m.userData)),
    async close() {
      await Promise.all(agents.splice(0).map((agent) => agent.close()));
      await Promise.all([ec2.close(), hetzner.close()]);
    },
  };
}

export type FakeClouds = Awaited<ReturnType<typeof startFakeClouds>>;
