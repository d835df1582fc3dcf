import fc from 'fast-check';
import type { ResourceKind } from '../../kinds';
import { ALERTER_ENDPOINT_TYPES, defaultAlerterEndpoint } from '../../alerter/alerter.config';
import {
  defaultAwsBuilderConfig,
  defaultServerBuilderConfig,
  defaultUrlBuilderConfig,
} from '../../builder/builder.config';
import { KIND_SPECS } from '../../resources/configs/registry';
import {
  defaultAwsServerTemplateConfig,
  defaultHetznerServerTemplateConfig,
} from '../../server-template/server-template.config';
import {
  AWS_VOLUME,
  EXTRA_ARGS,
  LABEL,
  imageReference,
  VALID_ELEMENT_FIELDS,
  VALID_FIELDS,
  VALID_LISTS,
} from './valid-fields.fixtures';

/** Random configs of every kind, every field set, for the export's round-trip property. */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Resources, tags and users the configs refer to: ids with their names. */
const NAMED: [string, string][] = [
  ['srv-1', 'server one'], ['srv-2', 'prod "main"'], ['bld-1', 'api\\build'], ['bld-2', 'web'],
  ['dep-1', 'web-01'], ['stk-1', 'mongo'], ['rep-1', 'komodo-periphery'], ['bdr-1', 'builder-01'],
  ['prc-1', 'nightly'], ['act-1', 'cleanup'], ['syn-1', 'infra'], ['alr-1', 'slack'],
  ['tag-1', 'prod'], ['tag-2', 'test env'], ['tag-3', 'ünï'],
]; // prettier-ignore

export const POOL = {
  nameOf: new Map(NAMED),
  idOf: new Map(NAMED.map(([id, name]) => [name, id])),
  tags: ['tag-1', 'tag-2', 'tag-3'],
};

/** The pool's resources by kind (a ServerTemplate is referred to by none). */
export const IDS: Partial<Record<ResourceKind, string[]>> = {
  Server: ['srv-1', 'srv-2'], Build: ['bld-1', 'bld-2'], Deployment: ['dep-1'], Stack: ['stk-1'],
  Repo: ['rep-1'], Builder: ['bdr-1'], Procedure: ['prc-1'], Action: ['act-1'],
  ResourceSync: ['syn-1'], Alerter: ['alr-1'],
}; // prettier-ignore

const idOfKind = (kind: ResourceKind) => fc.constantFrom(...(IDS[kind] ?? ['none']));

/** Any text: plain, with quotes and backslashes, several lines, any code point. */
const text = (minLength = 0) =>
  fc.oneof(
    fc.string({ minLength }),
    fc.string({ unit: 'binary', minLength, maxLength: 12 }),
    fc
      .array(fc.constantFrom('a = b', '"', '\\', '"""', "'''", '# c', '', ' x\t', '[[y]]'), {
        minLength: Math.max(minLength, 1),
        maxLength: 5,
      })
      .map((parts) => parts.join('\n') + (minLength ? 'q' : '')),
  );

const number = fc.integer({ min: 0, max: 2_000_000_000 });

/** Element shapes of the arrays whose default is empty. */
const ELEMENTS: Record<string, Json> = {
  maintenance_windows: {
    name: 'w', description: 'd', schedule_type: 'Daily', day_of_week: 'Monday', date: '2026-01-01',
    hour: 1, minute: 2, duration_minutes: 60, timezone: 'UTC', enabled: true,
  },
  additional_env_files: { path: 'p', track: true },
  config_files: { path: 'p', services: ['s'], requires: 'Restart' },
  image_registry: { domain: 'd', account: 'a', organization: 'o' },
  git_providers: { domain: 'd', https: true, accounts: [{ username: 'u', token: 't' }] },
  image_registries: { domain: 'd', accounts: [{ username: 'u', token: 't' }], organizations: ['o'] },
  accounts: { username: 'u', token: 't' },
  volumes: { name: 'v', size_gb: 10, format: 'Xfs', labels: { a: 'b' } },
}; // prettier-ignore

/**
 * A value shaped like `sample`. Strings inside array elements are never empty: Komodo leaves
 * out an element's empty fields, and its reader fills them from the element's default.
 */
function like(sample: unknown, field = '', inArray = false): fc.Arbitrary<unknown> {
  const valid = Array.isArray(sample)
    ? VALID_LISTS[field]
    : typeof sample !== 'object' &&
      ((inArray && VALID_ELEMENT_FIELDS[field]) || VALID_FIELDS[field]);
  // An array element's empty string is left out by the export (see above).
  if (valid) return inArray ? valid.filter((v) => v !== '') : valid;
  if (typeof sample === 'string') return text(inArray ? 1 : 0);
  if (typeof sample === 'number') return number;
  if (typeof sample === 'boolean') return fc.boolean();
  if (Array.isArray(sample)) {
    const element = sample[0] ?? ELEMENTS[field] ?? '';
    if (isObject(element) && 'device_name' in element)
      return fc.array(AWS_VOLUME, { maxLength: 3 });
    return fc.array(like(element, field, true), { maxLength: 3 });
  }
  if (typeof sample === 'object' && sample !== null) {
    if (field === 'labels')
      return fc.dictionary(LABEL, fc.oneof(fc.constant(''), LABEL), {
        minKeys: inArray ? 1 : 0,
        maxKeys: 3,
      });
    const shape = Object.fromEntries(
      Object.entries(sample).map(([k, v]) => [k, like(v, k, inArray)]),
    );
    return fc.record(shape);
  }
  return fc.constant(sample);
}

export const VARIANTS: Partial<Record<ResourceKind, Record<string, () => Json>>> = {
  Builder: {
    Url: () => ({ ...defaultUrlBuilderConfig() }),
    Server: () => ({ ...defaultServerBuilderConfig() }),
    Aws: () => ({ ...defaultAwsBuilderConfig() }),
  },
  ServerTemplate: {
    Aws: () => ({ ...defaultAwsServerTemplateConfig() }),
    Hetzner: () => ({ ...defaultHetznerServerTemplateConfig() }),
  },
};

const SCHEDULES: Record<string, string[]> = {
  Cron: ['* * * * * *', '0 */5 * * * *', '0 0 4 * * MON-FRI'],
  English: ['every day at 4:00 pm', 'every 15 minutes', 'every hour only on weekends'],
};

/** Params a variant may leave unset, so its default has none (Ntfy's `email`). */
export const OPTIONAL_PARAMS: Record<string, Json> = { Ntfy: { email: '' } };

const version = fc.record({ major: number, minor: number, patch: number });

const execution = fc.oneof(
  idOfKind('Build').map((build) => ({ type: 'RunBuild', params: { build } })),
  fc
    .record({ deployment: idOfKind('Deployment'), stop_signal: text(1) })
    .map((params) => ({ type: 'Deploy', params })),
  fc
    .record({ alerters: fc.array(idOfKind('Alerter'), { maxLength: 2 }) })
    .map((params) => ({ type: 'SendAlert', params })),
  fc.record({ pattern: text(1) }).map((params) => ({ type: 'BatchRunBuild', params })),
  fc.constant({ type: 'None', params: {} }),
  fc.record({ duration_ms: number }).map((params) => ({ type: 'Sleep', params })),
  fc
    .record({ stack: idOfKind('Stack'), services: fc.array(text(1), { maxLength: 2 }) })
    .map((params) => ({ type: 'DeployStack', params })),
  idOfKind('Action').map((action) => ({ type: 'RunAction', params: { action } })),
  idOfKind('ResourceSync').map((sync) => ({ type: 'RunSync', params: { sync } })),
  idOfKind('Repo').map((repo) => ({ type: 'PullRepo', params: { repo } })),
  idOfKind('Server').map((server) => ({ type: 'StopAllContainers', params: { server } })),
  idOfKind('Alerter').map((alerter) => ({ type: 'TestAlerter', params: { alerter } })),
  fc
    .record({ server: idOfKind('Server'), container: text(1) })
    .map((params) => ({ type: 'RestartContainer', params })),
);

/** Fields whose shape is a union, an id, or a list of ids. */
function special(kind: ResourceKind): Record<string, fc.Arbitrary<unknown>> {
  const refs = Object.fromEntries(
    KIND_SPECS[kind].references
      .filter((r) => r.path.length === 1)
      .map((r) => [r.path[0], fc.oneof(idOfKind(r.kind), fc.constant(''))]),
  );
  const target = fc
    .constantFrom(...Object.keys(IDS))
    .chain((type) => idOfKind(type as ResourceKind).map((id) => ({ type, id })));
  const extra: Partial<Record<ResourceKind, Record<string, fc.Arbitrary<unknown>>>> = {
    Deployment: {
      extra_args: EXTRA_ARGS.Deployment,
      image: fc.oneof(
        fc
          .oneof(fc.constant(''), imageReference)
          .map((image) => ({ type: 'Image', params: { image } })),
        fc
          .record({ build_id: idOfKind('Build'), version })
          .map((params) => ({ type: 'Build', params })),
      ),
    },
    Build: { version, extra_args: EXTRA_ARGS.Build },
    Stack: { extra_args: EXTRA_ARGS.Stack, build_extra_args: EXTRA_ARGS.compose_build },
    Alerter: {
      endpoint: fc
        .constantFrom(...ALERTER_ENDPOINT_TYPES)
        .chain((type) =>
          like({ ...defaultAlerterEndpoint(type).params, ...OPTIONAL_PARAMS[type] }).map(
            (params) => ({ type, params }),
          ),
        ),
      resources: fc.array(target, { maxLength: 3 }),
      except_resources: fc.array(target, { maxLength: 3 }),
    },
    Procedure: {
      stages: fc.array(
        fc.record({
          name: text(1),
          enabled: fc.boolean(),
          executions: fc.array(fc.record({ execution, enabled: fc.boolean() }), { maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
    },
  };
  return { ...refs, ...(extra[kind] ?? {}) };
}

export function arbitraryConfig(kind: ResourceKind): fc.Arbitrary<object> {
  const variants = VARIANTS[kind];
  if (variants) {
    return fc.constantFrom(...Object.keys(variants)).chain((type) => {
      const params = variants[type]();
      const shape = like(params) as fc.Arbitrary<Json>;
      const servers = fc.array(idOfKind('Server'), { maxLength: 3 });
      return (type === 'Server' ? servers.map((server_ids) => ({ server_ids })) : shape).map(
        (p) => ({ type, params: p }),
      );
    });
  }
  const defaults = KIND_SPECS[kind].defaults() as Json;
  const fields = special(kind);
  const shape = Object.fromEntries(
    Object.entries(defaults).map(([k, v]) => [k, fields[k] ?? like(v, k)]),
  );
  const config = fc.record(shape);
  if (!('schedule_format' in defaults)) return config;
  // A schedule is read in its format: one of that format.
  return config.chain((c) =>
    fc
      .constantFrom('', ...SCHEDULES[c.schedule_format as string])
      .map((schedule) => ({ ...c, schedule })),
  );
}
