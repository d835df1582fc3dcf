import { isIP } from 'node:net';
import { LOG_LEVELS } from '@monitor/process';
import * as v from 'valibot';
import { parseIpRule } from '../auth/ip-allow-list';
import { isOperatorEnvName } from '../compose/command-env';
import { COMPOSE_COMMANDS } from '../compose/compose.dto';

const isIpOrCidr = (value: unknown) =>
  typeof value === 'string' && parseIpRule(value) !== undefined;

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const nonEmpty = v.pipe(v.string(), v.minLength(1));

/**
 * Every setting of the agent: defaults, then the TOML file named by `PERIPHERY_CONFIG`, then
 * environment overrides `PERIPHERY_<KEY>`. Names follow Komodo's periphery config.
 */
export const PeripheryConfigSchema = v.strictObject({
  /** Port the agent listens on. 0 picks a free one (tests). */
  port: v.optional(int(0, 65535), 8120),
  /** Address the agent listens on. */
  bind_ip: v.optional(
    v.pipe(
      v.string(),
      v.check((ip) => isIP(ip) !== 0, 'must be an IP address'),
    ),
    '0.0.0.0',
  ),
  /** Accepted values of the `authorization` header; the core sends one of them. */
  passkeys: v.optional(v.array(nonEmpty), () => []),
  /** Lets the agent start with no passkey, answering anyone: for development only. */
  allow_no_passkey: v.optional(v.boolean(), false),
  /** Client addresses or CIDR ranges (IPv4 or IPv6) allowed to call; empty allows any. */
  allowed_ips: v.optional(
    v.custom<string[]>(
      (value) => Array.isArray(value) && value.every(isIpOrCidr),
      ({ input }) => {
        const bad = Array.isArray(input) ? input.filter((ip) => !isIpOrCidr(ip)) : input;
        return `must hold IP addresses or CIDR ranges such as 10.0.0.0/8 or fd00::/8 (not ${JSON.stringify(bad)})`;
      },
    ),
    () => [],
  ),
  ssl_enabled: v.optional(v.boolean(), false),
  /** PEM private key; default `<root_directory>/ssl/key.pem`, generated when absent. */
  ssl_key_file: v.optional(v.string(), ''),
  /** PEM certificate; default `<root_directory>/ssl/cert.pem`, generated when absent. */
  ssl_cert_file: v.optional(v.string(), ''),
  /** Where the agent keeps the files it needs (the generated certificate). */
  root_directory: v.optional(nonEmpty, '/etc/monitor-periphery'),
  /** The Docker engine's unix socket. */
  docker_socket: v.optional(nonEmpty, '/var/run/docker.sock'),
  /**
   * Which compose program stacks run: `auto` is `docker compose` when the Docker CLI has the
   * plugin, else `docker-compose`. A request may still name one.
   */
  compose_command: v.optional(v.picklist(COMPOSE_COMMANDS), 'auto'),
  /** How often system stats are sampled in the background; answers come from the cache. */
  stats_polling_rate_ms: v.optional(int(100), 5000),
  /**
   * Names of the agent's environment that the programs it runs may read beyond the built-in list
   * (PATH, HOME, locale, Docker's and proxies'): what a compose wrapper or a user's command
   * needs, e.g. `SOPS_AGE_KEY_FILE`. Never a `PERIPHERY_*` or `MONITOR_*` name.
   */
  command_env: v.optional(
    v.array(
      v.pipe(
        v.string(),
        v.check(
          isOperatorEnvName,
          'must be variable names, none starting with PERIPHERY_ or MONITOR_',
        ),
      ),
    ),
    () => [],
  ),
  /** What the agent logs: `error`, `warn`, or `log` (its start, refusals and failures). */
  log_level: v.optional(v.picklist(LOG_LEVELS), 'log'),
  config_path: v.optional(v.string()),
});

export type PeripheryConfig = v.InferOutput<typeof PeripheryConfigSchema>;
