import { stringify } from 'yaml';
import { AGENT_ENV_FILE, AGENT_UNIT } from '../builder/user-data';
import { invalid } from '../shared/domain-error';

/** Where a launched server's agent finds the key and certificate the core made (and pins). */
export const AGENT_KEY_FILE = '/etc/monitor/ssl/key.pem';
export const AGENT_CERT_FILE = '/etc/monitor/ssl/cert.pem';

export interface AgentBoot {
  /** Generated for this launch only, base64url; single-use: the core rotates it once in. */
  passkey: string;
  port: number;
  /** With https, the agent's key and certificate in PEM: the certificate's fingerprint is the pin. */
  tls?: { key: string; cert: string };
}

/**
 * How the agent's part merges into a user's own `#cloud-config`: lists (write_files, runcmd)
 * append after the user's, and a key both set keeps the user's value.
 */
export const AGENT_PART_MERGE = [
  { name: 'list', settings: ['append'] },
  { name: 'dict', settings: ['no_replace', 'recurse_list'] },
];

const PEM = (label: RegExp) =>
  new RegExp(`^-----BEGIN (${label.source})-----\\n[A-Za-z0-9+/=\\n]+-----END \\1-----\\n?$`);
const KEY_PEM = PEM(/(?:EC |RSA )?PRIVATE KEY/);
const CERT_PEM = PEM(/CERTIFICATE/);

function check({ passkey, port, tls }: AgentBoot): void {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(passkey))
    throw invalid('passkey: must be base64url, 16 characters at least', { field: 'passkey' });
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw invalid(`port: must be between 1 and 65535 (got ${port})`, { field: 'port' });
  if (tls && !KEY_PEM.test(tls.key))
    throw invalid('tls.key: must be one PEM private key', { field: 'tls.key' });
  if (tls && !CERT_PEM.test(tls.cert))
    throw invalid('tls.cert: must be one PEM certificate', { field: 'tls.cert' });
}

/** The agent's settings, as its unit's EnvironmentFile gives them (PERIPHERY_<KEY>). */
export function agentEnvironment({ passkey, port, tls }: AgentBoot): string {
  const lines = [
    `PERIPHERY_PASSKEYS=${passkey}`,
    `PERIPHERY_PORT=${port}`,
    `PERIPHERY_SSL_ENABLED=${tls !== undefined}`,
  ];
  if (tls)
    lines.push(
      `PERIPHERY_SSL_KEY_FILE=${AGENT_KEY_FILE}`,
      `PERIPHERY_SSL_CERT_FILE=${AGENT_CERT_FILE}`,
    );
  return `${lines.join('\n')}\n`;
}

const file = (path: string, content: string) => ({
  path,
  owner: 'root:root',
  permissions: '0600',
  content: content.endsWith('\n') ? content : `${content}\n`,
});

/**
 * The `#cloud-config` part that starts a launched server's agent: it writes the agent's
 * settings to AGENT_ENV_FILE and, with https, its key and certificate (all 0600, root), then
 * enables and restarts AGENT_UNIT. cloud-init writes files before any script runs and runs
 * `runcmd` after the user's scripts (scripts run in name order: part-001 before runcmd), so a
 * user script that installs the agent needs no change.
 */
export function agentCloudConfig(boot: AgentBoot): string {
  check(boot);
  const files = [file(AGENT_ENV_FILE, agentEnvironment(boot))];
  if (boot.tls)
    files.push(file(AGENT_KEY_FILE, boot.tls.key), file(AGENT_CERT_FILE, boot.tls.cert));
  const config = {
    merge_how: AGENT_PART_MERGE,
    write_files: files,
    runcmd: [
      ['systemctl', 'enable', AGENT_UNIT],
      ['systemctl', 'restart', AGENT_UNIT],
    ],
  };
  return `#cloud-config\n${stringify(config, { lineWidth: 0 })}`;
}
