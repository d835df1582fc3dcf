import type { LoggerService } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { isSealed } from '@monitor/secrets';
import { systemMeta, type ResourceCommands } from '@monitor/resources';
import type { Runtime } from '@monitor/runtime';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { peripheryConfig, startPeriphery, type PeripheryApp } from '../../periphery/src';

export const LOCAL_SERVER = 'local';

/**
 * The embedded mode's agent for this machine's own Docker, on loopback, with a passkey kept in
 * the data folder; registered as Server `local` on first start (and its address kept current,
 * since port 0 picks a new one each start).
 */
export async function startLocalAgent(
  config: MonitorConfig,
  runtime: Runtime,
  commands: ResourceCommands,
  logger: false | LoggerService | undefined,
): Promise<{ agent: PeripheryApp; serverId: string }> {
  const dataDir = resolve(config.data_dir);
  const passkey = localPasskey(dataDir);
  const agent = await startPeriphery(
    peripheryConfig({
      port: config.local_agent.port,
      bind_ip: '127.0.0.1',
      passkeys: [passkey],
      root_directory: join(dataDir, 'periphery'),
      docker_socket: config.local_agent.docker_socket,
      stats_polling_rate_ms: config.local_agent.stats_polling_rate_ms,
    }),
    { logger },
  );
  const existing = runtime.readModel.resource('Server', LOCAL_SERVER);
  let written = { id: existing?.id ?? '', position: 0 };
  if (!existing) {
    const server = { address: agent.url, passkey, enabled: true };
    written = await commands.create(
      'Server',
      { name: LOCAL_SERVER, description: 'This machine (the embedded agent)', config: server },
      systemMeta(),
    );
  } else if (existing.config.address !== agent.url || !isSealed(existing.config.passkey)) {
    written = await commands.update(
      'Server',
      existing.id,
      { address: agent.url, passkey },
      systemMeta(),
    );
  }
  await runtime.readModel.waitFor(written.position);
  return { agent, serverId: written.id };
}

function localPasskey(dataDir: string): string {
  const path = join(dataDir, 'local-agent.passkey');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const passkey = randomBytes(32).toString('hex');
  writeFileSync(path, passkey, { mode: 0o600, flag: 'wx' });
  return passkey;
}
