import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import * as v from 'valibot';
import { describeIssue } from '../api/params';
import { ConfigError } from '@monitor/process';
import { PeripheryConfigSchema, type PeripheryConfig } from './periphery-config';

type Env = Record<string, string | undefined>;
const PREFIX = 'PERIPHERY';

/**
 * Reads the agent's configuration once at start-up: defaults, then the TOML file named by
 * `PERIPHERY_CONFIG` (or `path`), then environment overrides `PERIPHERY_<KEY>` (lists as
 * comma-separated values or a JSON array, e.g. `PERIPHERY_PASSKEYS=a,b`).
 */
export function loadPeripheryConfig(
  env: Env = process.env,
  path = env.PERIPHERY_CONFIG,
): PeripheryConfig {
  const file = path ? readToml(path) : {};
  return peripheryConfig({ ...file, ...fromEnv(env), ...(path ? { config_path: path } : {}) });
}

/**
 * Defaults plus `values`, validated: the one way a config is made, from files or in code (the
 * embedded Monitor and tests). Unknown keys and bad values throw a ConfigError naming them.
 */
export function peripheryConfig(values: Partial<PeripheryConfig> | object = {}): PeripheryConfig {
  const given = Object.entries(values).filter(([, value]) => value !== undefined);
  const result = v.safeParse(PeripheryConfigSchema, Object.fromEntries(given));
  if (!result.success) {
    const problems = result.issues.map((issue) =>
      describeIssue(issue).replace(/^unknown field/, 'unknown key'),
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const config = result.output;
  if (!config.passkeys.length && !config.allow_no_passkey) {
    // An agent without a passkey runs containers for anyone who can reach its port.
    throw new ConfigError(
      'no passkey configured: set passkeys = ["..."] in the config file or PERIPHERY_PASSKEYS ' +
        '(the same value as the Server passkey in Monitor); allow_no_passkey = true is for development only',
    );
  }
  return config;
}

function readToml(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new ConfigError(`config file ${path} does not exist`);
  try {
    return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`config file ${path}: ${(error as Error).message}`);
  }
}

function fromEnv(env: Env): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(v.getDefaults(PeripheryConfigSchema))) {
    const name = `${PREFIX}_${key.toUpperCase()}`;
    const value = env[name];
    if (value === undefined || key === 'config_path') continue;
    if (Array.isArray(fallback)) out[key] = parseList(name, value);
    else if (typeof fallback === 'number') out[key] = value.trim() === '' ? NaN : Number(value);
    else if (typeof fallback === 'boolean') out[key] = parseBool(value);
    else out[key] = value;
  }
  return out;
}

/** Komodo's agent takes comma-separated lists; a JSON array also works, for values with commas. */
function parseList(name: string, value: string): unknown {
  if (value.trim().startsWith('[')) {
    try {
      return JSON.parse(value);
    } catch {
      throw new ConfigError(`${name}: not a valid JSON array`);
    }
  }
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseBool(value: string): boolean | string {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  return value;
}
