import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentBootOf } from '@monitor/testing';
import { peripheryConfig } from '../../apps/periphery/src/config';
import { startPeriphery, type PeripheryApp } from '../../apps/periphery/src/periphery-app';

/**
 * The launched machines' agents for bench:launch, in a process of their own (forked), as they
 * run on machines of their own: their start and their passkey's key derivations are not
 * counted in the bench's CPU time. Messages: `{ id, userData }` starts the agent the user data
 * describes (its passkey, port and TLS pair) and answers `{ id }` (or `{ id, error }`);
 * `{ id, close: true }` stops every agent.
 */
type Message = { id: number; userData?: string; close?: boolean };

const agents: { app: PeripheryApp; folder: string }[] = [];

async function startAgent(userData: string): Promise<void> {
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
}

async function closeAgents(): Promise<void> {
  for (const { app, folder } of agents.splice(0)) {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

process.on('message', (message: Message) => {
  const work = message.close ? closeAgents() : startAgent(message.userData ?? '');
  work.then(
    () => process.send!({ id: message.id }),
    (error: unknown) => process.send!({ id: message.id, error: String(error) }),
  );
});
process.on('disconnect', () => void closeAgents().then(() => process.exit(0)));
