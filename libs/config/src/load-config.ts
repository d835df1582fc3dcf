import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { ConfigError } from '@monitor/process';
import { MonitorConfig } from './monitor-config';

// Declared where the agent, which loads no configuration classes, finds it too.
export { ConfigError };

type Env = Record<string, string | undefined>;

/**
 * Reads the configuration once at start-up: defaults, then the TOML file named by
 * `MONITOR_CONFIG` (or `path`), then environment overrides `MONITOR_<SECTION>_<KEY>`
 * (e.g. `MONITOR_PORT`, `MONITOR_EVENT_STORE_KIND`, `MONITOR_NATS_URL`).
 */
export function loadConfig(env: Env = process.env, path = env.MONITOR_CONFIG): MonitorConfig {
  const defaults = new MonitorConfig();
  let raw: Record<string, unknown> = {};
  if (path) {
    if (!existsSync(path)) throw new ConfigError(`config file ${path} does not exist`);
    try {
      raw = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`config file ${path}: ${(error as Error).message}`);
    }
  }
  const merged = overrideFromEnv(defaults, raw, env, 'MONITOR');
  const config = plainToInstance(MonitorConfig, { ...merged, config_path: path });
  const errors = validateSync(config, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new ConfigError(`invalid configuration: ${describe(errors).join('; ')}`);
  return config;
}

function overrideFromEnv(
  defaults: object,
  file: Record<string, unknown>,
  env: Env,
  prefix: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...file };
  for (const [key, fallback] of Object.entries(defaults)) {
    const name = `${prefix}_${key.toUpperCase()}`;
    if (Array.isArray(fallback)) {
      // Lists (git_provider, docker_registry) come from the file, or as JSON in the environment.
      const value = env[name];
      if (value !== undefined) out[key] = parseJson(name, value);
      continue;
    }
    if (fallback !== null && typeof fallback === 'object') {
      const section = (file[key] ?? {}) as Record<string, unknown>;
      out[key] = overrideFromEnv(fallback, section, env, name);
      continue;
    }
    const value = env[name];
    if (value === undefined) continue;
    out[key] =
      typeof fallback === 'number'
        ? Number(value)
        : typeof fallback === 'boolean'
          ? parseBool(value)
          : value;
  }
  return out;
}

function parseJson(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new ConfigError(`${name}: not valid JSON`);
  }
}

function parseBool(value: string): boolean | string {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  return value;
}

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${field}: ${m}`);
    return [...own, ...describe(e.children ?? [], field)];
  });
}
