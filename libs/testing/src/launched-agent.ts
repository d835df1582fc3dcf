import { parse } from 'yaml';
import { AGENT_ENV_FILE, parseMultipart, type AgentBoot } from '@monitor/domain';

/**
 * What a launched machine's agent would start with, read back from the user data a fake cloud
 * received (decoded): the files its `#cloud-config` parts write (a later part wins, as with
 * cloud-init), then the agent's settings file and, with TLS, its key and certificate. A fake's
 * `onRunning` listener starts a real agent on 127.0.0.1 from it, so the auto-connect path runs.
 */
export function agentBootOf(userData: string): AgentBoot {
  const files = new Map<string, string>();
  for (const part of parseMultipart(userData)) {
    if (part.contentType !== 'text/cloud-config') continue;
    const config = parse(part.body) as { write_files?: { path: string; content: string }[] } | null;
    for (const file of config?.write_files ?? []) files.set(file.path, file.content);
  }
  const env = files.get(AGENT_ENV_FILE);
  if (env === undefined)
    throw new Error(`the user data writes no ${AGENT_ENV_FILE}: no agent would start`);
  const settings = new Map(
    env
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const setting = (name: string) => {
    const value = settings.get(name);
    if (value === undefined) throw new Error(`${AGENT_ENV_FILE} sets no ${name}`);
    return value;
  };
  const written = (path: string) => {
    const content = files.get(path);
    if (content === undefined) throw new Error(`the user data writes no ${path}`);
    return content;
  };
  const boot: AgentBoot = {
    passkey: setting('PERIPHERY_PASSKEYS'),
    port: Number(setting('PERIPHERY_PORT')),
  };
  if (setting('PERIPHERY_SSL_ENABLED') === 'true')
    boot.tls = {
      key: written(setting('PERIPHERY_SSL_KEY_FILE')),
      cert: written(setting('PERIPHERY_SSL_CERT_FILE')),
    };
  return boot;
}
