import { collectCommand } from './command';
import {
  fieldError,
  LineProblem,
  problem,
  type DeploymentFieldError,
  type FieldResult,
} from './errors';

/** Engine API fields that `docker run` flags in `extra_args` set, beside the spec's own. */
export interface ContainerExtras {
  /** Fields of the create body's HostConfig. */
  host: Record<string, unknown>;
  /** Fields of the create body itself (`User`, `Hostname`, ...). */
  config: Record<string, unknown>;
  /** The `--health-*` flags, as the Engine's Healthcheck (durations in nanoseconds). */
  health?: Healthcheck;
}

export interface Healthcheck {
  Test: string[];
  Interval?: number;
  Timeout?: number;
  Retries?: number;
  StartPeriod?: number;
}

type Apply = (extras: ContainerExtras, value: string) => void;

interface Flag {
  /** Takes no value (`--init`); `--init=false` still works. */
  boolean?: boolean;
  apply: Apply;
}

const SIZE = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?$/i;
const UNITS: Record<string, number> = {
  '': 1,
  k: 2 ** 10,
  m: 2 ** 20,
  g: 2 ** 30,
  t: 2 ** 40,
  p: 2 ** 50,
};

/** Docker's sizes: `512m`, `1g`, `1.5GB`, plain bytes. */
function bytes(value: string): number {
  const match = SIZE.exec(value.trim());
  if (!match) problem(`'${value}' is not a size (e.g. 512m, 1g)`);
  return Math.round(Number(match[1]) * UNITS[match[2].toLowerCase()]);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 6e10,
  h: 3.6e12,
};

/** Go's durations, as docker's `--health-*` flags take them: `30s`, `1m30s`, `500ms`. */
function nanoseconds(value: string): number {
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== value) {
    problem(`'${value}' is not a duration (e.g. 30s, 1m30s, 500ms)`);
  }
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0));
}

const health =
  (key: keyof Healthcheck, parse: (v: string) => unknown): Apply =>
  (extras, value) => {
    extras.health = { Test: [], ...extras.health, [key]: parse(value) };
  };

function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) problem(`'${value}' is not a whole number`);
  return Number(value);
}

function bool(value: string): boolean {
  if (value === '' || value === 'true') return true;
  if (value === 'false') return false;
  return problem(`'${value}' is not true or false`);
}

const set =
  (
    key: string,
    parse: (v: string) => unknown = (v) => v,
    where: 'host' | 'config' = 'host',
  ): Apply =>
  (extras, value) => {
    extras[where][key] = parse(value);
  };

const push =
  (key: string, parse: (v: string) => unknown = (v) => v): Apply =>
  (extras, value) => {
    extras.host[key] = [...((extras.host[key] as unknown[] | undefined) ?? []), parse(value)];
  };

const entry =
  (key: string, what: string): Apply =>
  (extras, value) => {
    const at = value.indexOf('=');
    if (at <= 0) problem(`'${value}' is not ${what}`);
    extras.host[key] = {
      ...((extras.host[key] as object | undefined) ?? {}),
      [value.slice(0, at)]: value.slice(at + 1),
    };
  };

function ulimit(value: string) {
  const match = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(value);
  if (!match) problem(`'${value}' is not name=soft[:hard]`);
  const soft = Number(match[2]);
  return { Name: match[1], Soft: soft, Hard: match[3] === undefined ? soft : Number(match[3]) };
}

function device(value: string) {
  const [host, container = host, permissions = 'rwm'] = value.split(':');
  if (!host.startsWith('/')) problem(`'${value}' is not /host/device[:/container/device[:rwm]]`);
  return { PathOnHost: host, PathInContainer: container, CgroupPermissions: permissions };
}

const FLAGS: Record<string, Flag> = {
  '--memory': { apply: set('Memory', bytes) },
  '--memory-reservation': { apply: set('MemoryReservation', bytes) },
  '--memory-swap': { apply: set('MemorySwap', (v) => (v === '-1' ? -1 : bytes(v))) },
  '--cpus': {
    apply: set('NanoCpus', (v) => {
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) problem(`'${v}' is not a number of CPUs`);
      return Math.round(Number(v) * 1e9);
    }),
  },
  '--cpu-shares': { apply: set('CpuShares', integer) },
  '--cpuset-cpus': { apply: set('CpusetCpus') },
  '--pids-limit': { apply: set('PidsLimit', integer) },
  '--shm-size': { apply: set('ShmSize', bytes) },
  '--privileged': { boolean: true, apply: set('Privileged', bool) },
  '--read-only': { boolean: true, apply: set('ReadonlyRootfs', bool) },
  '--init': { boolean: true, apply: set('Init', bool) },
  '--cap-add': { apply: push('CapAdd') },
  '--cap-drop': { apply: push('CapDrop') },
  '--add-host': { apply: push('ExtraHosts', (v) => v.replace('=', ':')) },
  '--dns': { apply: push('Dns') },
  '--dns-search': { apply: push('DnsSearch') },
  '--dns-option': { apply: push('DnsOptions') },
  '--security-opt': { apply: push('SecurityOpt') },
  '--group-add': { apply: push('GroupAdd') },
  '--ulimit': { apply: push('Ulimits', ulimit) },
  '--device': { apply: push('Devices', device) },
  '--tmpfs': {
    apply: (extras, value) => {
      const [path, ...options] = value.split(':');
      extras.host.Tmpfs = { ...((extras.host.Tmpfs as object) ?? {}), [path]: options.join(':') };
    },
  },
  '--sysctl': { apply: entry('Sysctls', 'key=value') },
  '--log-driver': {
    apply: (extras, value) => {
      const log = (extras.host.LogConfig as { Config?: object } | undefined) ?? {};
      extras.host.LogConfig = { Config: {}, ...log, Type: value };
    },
  },
  '--log-opt': {
    apply: (extras, value) => {
      const at = value.indexOf('=');
      if (at <= 0) problem(`'${value}' is not key=value`);
      const log = (extras.host.LogConfig as { Type?: string; Config?: object } | undefined) ?? {};
      extras.host.LogConfig = {
        Type: log.Type ?? '',
        Config: { ...log.Config, [value.slice(0, at)]: value.slice(at + 1) },
      };
    },
  },
  '--health-cmd': { apply: health('Test', (v) => ['CMD-SHELL', v]) },
  '--health-interval': { apply: health('Interval', nanoseconds) },
  '--health-timeout': { apply: health('Timeout', nanoseconds) },
  '--health-start-period': { apply: health('StartPeriod', nanoseconds) },
  '--health-retries': { apply: health('Retries', integer) },
  '--no-healthcheck': { boolean: true, apply: health('Test', (v) => (bool(v) ? ['NONE'] : [])) },
  '--user': { apply: set('User', String, 'config') },
  '--hostname': { apply: set('Hostname', String, 'config') },
  '--domainname': { apply: set('Domainname', String, 'config') },
  '--workdir': { apply: set('WorkingDir', String, 'config') },
  '--entrypoint': { apply: set('Entrypoint', (v) => [v], 'config') },
};

const SHORT: Record<string, string> = {
  '-m': '--memory',
  '-u': '--user',
  '-h': '--hostname',
  '-w': '--workdir',
};

/** Flags that have a config field of their own: the field says it clearer, and is validated. */
const USE_FIELD: Record<string, string> = {
  '--env': 'environment',
  '-e': 'environment',
  '--env-file': 'environment',
  '--label': 'labels',
  '-l': 'labels',
  '--publish': 'ports',
  '-p': 'ports',
  '--volume': 'volumes',
  '-v': 'volumes',
  '--mount': 'volumes',
  '--network': 'network',
  '--net': 'network',
  '--restart': 'restart',
  '--name': 'custom_name',
  '--stop-signal': 'termination_signal',
  '--stop-timeout': 'termination_timeout',
};

/**
 * Komodo's `extra_args` are `docker run` flags. Monitor creates containers through the Engine
 * API, so each flag is translated to its Engine field; a flag without a translation, or one
 * that a config field covers, is refused by name rather than silently dropped. Entries are
 * split into words as a shell would (`"--cap-add NET_ADMIN"` is two words).
 */
export function collectExtraArgs(
  args: string[],
  field = 'extra_args',
): FieldResult<ContainerExtras> {
  const extras: ContainerExtras = { host: {}, config: {} };
  const errors: DeploymentFieldError[] = [];
  const split = collectCommand(args.join(' '), field);
  if (split.errors.length) return { value: extras, errors: split.errors };
  const words = split.value;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const at = word.indexOf('=');
    const given = at > 0 ? word.slice(0, at) : word;
    const name = SHORT[given] ?? given;
    const flag = FLAGS[name];
    // A refused flag's value (the next word, unless it is a flag) is not a flag of its own.
    const skipValue = () => {
      if (at < 0 && i + 1 < words.length && !words[i + 1].startsWith('-')) i++;
    };
    if (USE_FIELD[given]) {
      skipValue();
      errors.push(
        fieldError(field, `${given} is not taken here: set the field '${USE_FIELD[given]}'`),
      );
      continue;
    }
    if (!flag) {
      skipValue();
      errors.push(
        fieldError(
          field,
          `'${word}' is not a docker run flag Monitor can give the Engine API (it can: ${Object.keys(FLAGS).join(', ')})`,
        ),
      );
      continue;
    }
    let value = at > 0 ? word.slice(at + 1) : '';
    if (at < 0 && !flag.boolean) {
      if (i + 1 >= words.length) {
        errors.push(fieldError(field, `${given} needs a value`));
        continue;
      }
      value = words[++i];
    }
    try {
      flag.apply(extras, value);
    } catch (error) {
      if (!(error instanceof LineProblem)) throw error;
      errors.push(fieldError(field, `${given}: ${error.message}`));
    }
  }
  if (extras.health && !extras.health.Test.length) {
    errors.push(fieldError(field, 'the --health-* flags need --health-cmd (or --no-healthcheck)'));
  }
  return { value: extras, errors };
}
