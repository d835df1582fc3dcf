import { collectCommand } from './command';
import { walkFlags, type FlagRule, type FlagTable } from '../shared/flag-words';
import { fieldError, LineProblem, problem, type FieldResult } from './errors';

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

/** A flag whose parsers throw a LineProblem, as the walker's rule that answers it instead. */
function flag(apply: Apply, alone = false): FlagRule<ContainerExtras> {
  return {
    alone,
    apply: (extras, value) => {
      try {
        apply(extras, value);
        return undefined;
      } catch (error) {
        if (!(error instanceof LineProblem)) throw error;
        return error.message;
      }
    },
  };
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

const FLAGS: Record<string, FlagRule<ContainerExtras>> = {
  '--memory': flag(set('Memory', bytes)),
  '--memory-reservation': flag(set('MemoryReservation', bytes)),
  '--memory-swap': flag(set('MemorySwap', (v) => (v === '-1' ? -1 : bytes(v)))),
  '--cpus': flag(
    set('NanoCpus', (v) => {
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) problem(`'${v}' is not a number of CPUs`);
      return Math.round(Number(v) * 1e9);
    }),
  ),
  '--cpu-shares': flag(set('CpuShares', integer)),
  '--cpuset-cpus': flag(set('CpusetCpus')),
  '--pids-limit': flag(set('PidsLimit', integer)),
  '--shm-size': flag(set('ShmSize', bytes)),
  '--privileged': flag(set('Privileged', bool), true),
  '--read-only': flag(set('ReadonlyRootfs', bool), true),
  '--init': flag(set('Init', bool), true),
  '--cap-add': flag(push('CapAdd')),
  '--cap-drop': flag(push('CapDrop')),
  '--add-host': flag(push('ExtraHosts', (v) => v.replace('=', ':'))),
  '--dns': flag(push('Dns')),
  '--dns-search': flag(push('DnsSearch')),
  '--dns-option': flag(push('DnsOptions')),
  '--security-opt': flag(push('SecurityOpt')),
  '--group-add': flag(push('GroupAdd')),
  '--ulimit': flag(push('Ulimits', ulimit)),
  '--device': flag(push('Devices', device)),
  '--tmpfs': flag((extras, value) => {
    const [path, ...options] = value.split(':');
    extras.host.Tmpfs = { ...((extras.host.Tmpfs as object) ?? {}), [path]: options.join(':') };
  }),
  '--sysctl': flag(entry('Sysctls', 'key=value')),
  '--log-driver': flag((extras, value) => {
    const log = (extras.host.LogConfig as { Config?: object } | undefined) ?? {};
    extras.host.LogConfig = { Config: {}, ...log, Type: value };
  }),
  '--log-opt': flag((extras, value) => {
    const at = value.indexOf('=');
    if (at <= 0) problem(`'${value}' is not key=value`);
    const log = (extras.host.LogConfig as { Type?: string; Config?: object } | undefined) ?? {};
    extras.host.LogConfig = {
      Type: log.Type ?? '',
      Config: { ...log.Config, [value.slice(0, at)]: value.slice(at + 1) },
    };
  }),
  '--health-cmd': flag(health('Test', (v) => ['CMD-SHELL', v])),
  '--health-interval': flag(health('Interval', nanoseconds)),
  '--health-timeout': flag(health('Timeout', nanoseconds)),
  '--health-start-period': flag(health('StartPeriod', nanoseconds)),
  '--health-retries': flag(health('Retries', integer)),
  '--no-healthcheck': flag(
    health('Test', (v) => (bool(v) ? ['NONE'] : [])),
    true,
  ),
  '--user': flag(set('User', String, 'config')),
  '--hostname': flag(set('Hostname', String, 'config')),
  '--domainname': flag(set('Domainname', String, 'config')),
  '--workdir': flag(set('WorkingDir', String, 'config')),
  '--entrypoint': flag(set('Entrypoint', (v) => [v], 'config')),
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

const DOCKER_RUN: FlagTable<ContainerExtras> = {
  flags: FLAGS,
  aliases: SHORT,
  refused: Object.fromEntries(
    Object.entries(USE_FIELD).map(([flag, field]) => [
      flag,
      `${flag} is not taken here: set the field '${field}'`,
    ]),
  ),
  unknown: (flag, known) =>
    `'${flag}' is not a docker run flag Monitor can give the Engine API (it can: ${known})`,
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
  const split = collectCommand(args.join(' '), field);
  if (split.errors.length) return { value: extras, errors: split.errors };
  const errors = walkFlags(split.value, DOCKER_RUN, extras).map((reason) =>
    fieldError(field, reason),
  );
  if (extras.health && !extras.health.Test.length) {
    errors.push(fieldError(field, 'the --health-* flags need --health-cmd (or --no-healthcheck)'));
  }
  return { value: extras, errors };
}
