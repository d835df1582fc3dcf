import fc from 'fast-check';
import { ALERT_TYPES, EMAIL_SECURITIES } from '../../alerter/alerter.config';
import { ARGUMENTS_FORMATS } from '../../action/action.config';
import { RESTART_MODES, TERMINATION_SIGNALS } from '../../deployment/deployment.config';
import { HOST_POWERS } from '../../host-access/host-powers';
import { SCHEDULE_FORMATS } from '../../procedure/procedure.config';
import { MAINTENANCE_SCHEDULE_TYPES } from '../../resources/configs/common';
import { AWS_VOLUME_TYPES } from '../../server-template/server-template.config';
import { AWS_VOLUME_LIMITS } from '../../server-template/aws-fields';
import {
  HETZNER_DATACENTER_VALUES,
  HETZNER_SERVER_TYPE_VALUES,
  HETZNER_VOLUME_FORMAT_VALUES,
} from '../../server-template/hetzner-names';
import { COMPOSE_WRAPPER_SUBCOMMANDS, STACK_FILE_REQUIRES } from '../../stack/stack.config';
import { relativePathProblem } from '../../shared/relative-path';

/**
 * Values a write accepts for the fields a write checks (enums, ranges, paths, git names): a
 * stored config only ever holds such values, and a sync's reader checks them as a write does.
 * Keyed by field name; every other field takes any value of its type.
 */

const word = (first: string, rest: string, max: number) =>
  fc
    .tuple(fc.constantFrom(...first), fc.string({ unit: fc.constantFrom(...rest), maxLength: max }))
    .map(([a, b]) => a + b);

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdefABCDEF';

const orEmpty = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant('' as T), arb);
const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);
const someOf = <T>(values: readonly T[]) => fc.subarray([...values]);

/** Any text that is a path inside the resource's folder (no `/`, `~`, `..`, `.git`). */
const relative = (minLength = 0) =>
  fc
    .oneof(
      fc.string({ minLength }),
      fc
        .array(word(ALNUM, `${ALNUM}._- `, 8), { minLength: 1, maxLength: 3 })
        .map((s) => s.join('/')),
    )
    .filter((p) => p.length >= minLength && relativePathProblem(p) === undefined);

const host = fc
  .tuple(
    fc.array(word(LOWER, LOWER, 8), { minLength: 1, maxLength: 3 }),
    fc.option(fc.integer({ min: 1, max: 65535 })),
  )
  .map(([parts, port]) => parts.join('.') + (port ? `:${port}` : ''));

/** A URL's host ends in a name (a last label of digits reads as an IPv4 address). */
const urlHost = fc
  .tuple(host, word('abcdefghijklmnopqrstuvwxyz', LOWER, 5))
  .map(([h, tld]) => h.replace(/^([^:]*)/, `$1.${tld}`));

const url = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    urlHost,
    fc.array(word(ALNUM, ALNUM, 6), { maxLength: 2 }),
  )
  .map(([scheme, h, path]) => `${scheme}://${h}${path.map((p) => `/${p}`).join('')}`);

const absolute = fc
  .array(word(ALNUM, `${ALNUM}_-`, 8), { minLength: 1, maxLength: 3 })
  .map((steps) => `/${steps.join('/')}`);

const email = fc
  .tuple(word(LOWER, `${LOWER}._+-`, 8), host)
  .map(([user, domain]) => `${user}@${domain.replace(/:\d+$/, '')}.example`);

/** Shell words: no quote left open. */
const words = fc
  .array(
    fc.oneof(
      word(ALNUM, `${ALNUM}-_=./:`, 8),
      word('"', `${ALNUM} `, 6).map((w) => `${w}"`),
    ),
    {
      maxLength: 4,
    },
  )
  .map((ws) => ws.join(' '));

/** `KEY=value` lines, with comments and blank lines between. */
const keyValues = (value: fc.Arbitrary<string>) =>
  fc
    .array(
      fc.oneof(
        fc.tuple(word('ABCXYZ_', 'ABCXYZ_0123456789', 8), value).map(([k, v]) => `${k}=${v}`),
        fc.constantFrom('', '# a comment'),
      ),
      { maxLength: 4 },
    )
    .map((lines) => lines.join('\n'));

const day = fc
  .tuple(
    fc.integer({ min: 2000, max: 2099 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const timezone = fc.constantFrom('', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata');
const hexId = (prefix: string) =>
  fc
    .oneof(fc.constant(8), fc.constant(17))
    .chain((n) =>
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n }),
    )
    .map((h) => prefix + h);

/** An image reference Docker takes: `[host/]name[:tag]`. */
export const imageReference = fc
  .tuple(fc.option(host), word(LOWER, LOWER, 8), fc.option(word(ALNUM, `${ALNUM}._-`, 8)))
  .map(([h, name, tag]) => `${h ? `${h}/` : ''}${name}${tag ? `:${tag}` : ''}`);

/** Flags each kind's extra arguments accept. */
export const EXTRA_ARGS = {
  Deployment: fc.array(fc.constantFrom('--memory=512m', '--cpus=1.5', '--memory-swap 1g'), { maxLength: 3 }),
  Build: fc.array(fc.constantFrom('--no-cache', '--pull', '--target=builder', '--platform linux/amd64'), { maxLength: 3 }),
  Stack: fc.array(fc.constantFrom('--remove-orphans', '--force-recreate', '--wait'), { maxLength: 3 }),
  compose_build: fc.array(fc.constantFrom('--no-cache', '--pull', '--quiet'), { maxLength: 3 }),
}; // prettier-ignore

const port = fc.integer({ min: 1, max: 65535 });
const percent = fc.integer({ min: 0, max: 100 });

export const VALID_FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  // git
  git_provider: orEmpty(host),
  repo: orEmpty(fc.tuple(word(ALNUM, `${ALNUM}_-`, 8), word(ALNUM, `${ALNUM}._-`, 8)).map(([o, n]) => `${o}/${n}`)),
  branch: orEmpty(fc.array(word(ALNUM, `${ALNUM}_-`, 8), { minLength: 1, maxLength: 3 }).map((s) => s.join('/'))),
  commit: orEmpty(fc.string({ unit: fc.constantFrom(...HEX), minLength: 4, maxLength: 40 })),
  // paths
  path: relative(),
  env_file_path: relative(),
  build_path: relative(),
  dockerfile_path: relative(),
  clone_path: relative(),
  run_directory: relative(),
  // enums
  restart: oneOf(RESTART_MODES),
  termination_signal: oneOf(TERMINATION_SIGNALS),
  schedule_format: oneOf(SCHEDULE_FORMATS),
  arguments_format: oneOf(ARGUMENTS_FORMATS),
  schedule_type: oneOf(MAINTENANCE_SCHEDULE_TYPES),
  requires: oneOf(STACK_FILE_REQUIRES),
  security: oneOf(EMAIL_SECURITIES),
  volume_type: oneOf(AWS_VOLUME_TYPES),
  // Komodo's names and Hetzner's own, both taken
  format: oneOf(HETZNER_VOLUME_FORMAT_VALUES),
  datacenter: oneOf(HETZNER_DATACENTER_VALUES),
  server_type: oneOf(HETZNER_SERVER_TYPE_VALUES),
  // ranges
  cpu_warning: percent,
  cpu_critical: percent,
  mem_warning: percent,
  mem_critical: percent,
  disk_warning: percent,
  disk_critical: percent,
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  port,
  volume_gb: fc.integer({ min: 1, max: 16384 }),
  size_gb: fc.integer({ min: 1, max: 16384 }),
  // shapes
  project_name: orEmpty(word(LOWER, `${LOWER}_-`, 12)),
  compose_cmd_wrapper: orEmpty(fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}[[COMPOSE_COMMAND]]${b}`)),
  url,
  address: orEmpty(url.map((u) => u.replace(/^(\w+:\/\/[^/]*).*$/, '$1'))),
  // names and shell text a runtime reads
  image_name: orEmpty(word(LOWER, LOWER, 12)),
  image_tag: orEmpty(word(ALNUM, `${ALNUM}._-`, 12)),
  custom_name: orEmpty(word(ALNUM, `${ALNUM}_.-`, 12)),
  domain: orEmpty(host),
  organization: orEmpty(word(LOWER, LOWER, 8)),
  account: orEmpty(word(LOWER, LOWER, 8)),
  command: words,
  environment: keyValues(fc.string({ unit: fc.constantFrom(...`${ALNUM} -_./:`), maxLength: 10 })),
  labels: keyValues(fc.string({ unit: fc.constantFrom(...`${ALNUM}-_./:`), maxLength: 10 })),
  build_args: keyValues(fc.string({ unit: fc.constantFrom(...`${ALNUM}-_./:`), maxLength: 10 })),
  secret_args: keyValues(fc.string({ unit: fc.constantFrom(...`${ALNUM}-_./:`), maxLength: 10 })),
  ports: fc.array(fc.tuple(port, port).map(([a, b]) => `${a}:${b}`), { maxLength: 3 }).map((l) => l.join('\n')),
  volumes: fc.array(fc.tuple(absolute, absolute).map(([a, b]) => `${a}:${b}`), { maxLength: 3 }).map((l) => l.join('\n')),
  // maintenance windows
  date: day,
  timezone,
  schedule_timezone: timezone,
  day_of_week: fc.constantFrom('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'),
  duration_minutes: fc.integer({ min: 1, max: 10080 }),
  // AWS
  region: fc.constantFrom('us-east-1', 'eu-west-2', 'ap-southeast-1'),
  instance_type: fc.constantFrom('t3.micro', 'c5.2xlarge', 'm7g.medium'),
  ami_id: hexId('ami-'),
  subnet_id: hexId('subnet-'),
  key_pair_name: word(ALNUM, `${ALNUM}_-`, 10),
  // e-mail and Telegram endpoints
  host: host.map((h) => h.replace(/:\d+$/, '')),
  from: email,
  email: orEmpty(email),
  bot_token: word(ALNUM, `${ALNUM}:_-`, 20),
  chat_id: word(ALNUM, `${ALNUM}-`, 10),
}; // prettier-ignore

/** The same for fields holding a list (a field name may hold text in one kind, a list in another). */
export const VALID_LISTS: Record<string, fc.Arbitrary<unknown>> = {
  file_paths: fc.array(relative(), { maxLength: 3 }),
  resource_path: fc.array(relative(), { maxLength: 3 }),
  user_bind_paths: fc.array(absolute, { maxLength: 3 }),
  alert_types: someOf(ALERT_TYPES),
  user_host_powers: someOf(HOST_POWERS),
  compose_cmd_wrapper_include: someOf(COMPOSE_WRAPPER_SUBCOMMANDS),
  private_network_ids: fc.array(fc.integer({ min: 1, max: 2_000_000_000 }), { maxLength: 3 }),
  firewall_ids: fc.array(fc.integer({ min: 1, max: 2_000_000_000 }), { maxLength: 3 }),
  security_group_ids: fc.array(hexId('sg-'), { maxLength: 3 }),
  to: fc.array(email, { minLength: 1, maxLength: 3 }),
}; // prettier-ignore

const inRange = (range?: { min: number; max: number }) =>
  range ? fc.oneof(fc.constant(0), fc.integer(range)) : fc.constant(0);

/** An EBS volume within its type's limits (iops and throughput 0: AWS's default). */
export const AWS_VOLUME = oneOf(AWS_VOLUME_TYPES).chain((volume_type) => {
  const limits = AWS_VOLUME_LIMITS[volume_type];
  return fc.record({
    device_name: fc.constantFrom('/dev/sda1', '/dev/sdf', 'xvdh', '/dev/xvdb'),
    size_gb: fc.integer(limits.size_gb),
    volume_type: fc.constant(volume_type),
    iops: inRange(limits.iops),
    throughput: inRange(limits.throughput),
  });
});

/** Hetzner's label names and values, and its volume names. */
export const LABEL = word(ALNUM, `${ALNUM}._-`, 10).map((w) => (/[._-]$/.test(w) ? `${w}0` : w));

/** Inside an array's elements, where an empty string is left out: a path there is required. */
export const VALID_ELEMENT_FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  path: relative(1),
  name: LABEL,
  size_gb: fc.integer({ min: 10, max: 10240 }),
};
