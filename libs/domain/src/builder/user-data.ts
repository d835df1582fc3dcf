/** The systemd unit the AMI must have for Monitor's agent, reading `AGENT_ENV_FILE`. */
export const AGENT_UNIT = 'monitor-periphery.service';
export const AGENT_ENV_FILE = '/etc/monitor/periphery.env';
/** Where the builder's own `user_data` is written before it runs. */
export const USER_SCRIPT_FILE = '/var/lib/monitor/builder-user-data';

export interface BuilderStartup {
  /** Generated for this instance only; base64url, so it needs no quoting. */
  passkey: string;
  port: number;
  https: boolean;
  /** The builder's `user_data`: run before the agent starts (it may install the agent). */
  userData: string;
}

/**
 * The user data an Aws builder's instance starts with: a shell script that writes the agent's
 * settings (this instance's passkey, the port, TLS) to `AGENT_ENV_FILE` (0600), runs the
 * builder's own `user_data` if any, then (re)starts `AGENT_UNIT`. What it expects of the AMI:
 * `/bin/sh`, systemd, Docker and git, and Monitor's agent installed as `AGENT_UNIT` with
 * `EnvironmentFile=AGENT_ENV_FILE` (or installed by the builder's `user_data`).
 * The passkey is in the instance's user data, which processes on the instance can read from
 * the metadata service: it opens this instance's agent only, and dies with the instance.
 */
export function builderUserData({ passkey, port, https, userData }: BuilderStartup): string {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(passkey)) throw new Error('the passkey must be base64url');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`bad port ${port}`);
  const lines = [
    '#!/bin/sh',
    "# Monitor: start this single-use builder's agent with a passkey of its own.",
    'set -eu',
    'umask 077',
    `mkdir -p ${dirname(AGENT_ENV_FILE)} ${dirname(USER_SCRIPT_FILE)}`,
    `cat > ${AGENT_ENV_FILE} <<'MONITOR_AGENT_ENV'`,
    `PERIPHERY_PASSKEYS=${passkey}`,
    `PERIPHERY_PORT=${port}`,
    `PERIPHERY_SSL_ENABLED=${https}`,
    'MONITOR_AGENT_ENV',
  ];
  if (userData.trim()) {
    const end = delimiterFor(userData);
    const run = userData.startsWith('#!') ? USER_SCRIPT_FILE : `/bin/sh ${USER_SCRIPT_FILE}`;
    lines.push(
      `cat > ${USER_SCRIPT_FILE} <<'${end}'`,
      userData.endsWith('\n') ? userData.slice(0, -1) : userData,
      end,
      `chmod 700 ${USER_SCRIPT_FILE}`,
      run,
    );
  }
  lines.push(`systemctl restart ${AGENT_UNIT}`);
  return `${lines.join('\n')}\n`;
}

/** A here-document end marker that no line of `text` equals. */
function delimiterFor(text: string): string {
  const lines = new Set(text.split('\n'));
  let marker = 'MONITOR_USER_DATA';
  for (let i = 1; lines.has(marker); i++) marker = `MONITOR_USER_DATA_${i}`;
  return marker;
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
