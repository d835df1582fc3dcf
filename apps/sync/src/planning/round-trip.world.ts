import fc from 'fast-check';
import {
  KIND_SPECS,
  RESOURCE_KINDS,
  defaultAlerterEndpoint,
  type AlerterEndpointType,
  SPECIFICS_OF_KIND,
  type Resource,
  type ResourceKind,
  type UserGroup,
  type Variable,
  variableNameKey,
} from '@monitor/domain';
import {
  IDS,
  POOL,
  VARIANTS,
  arbitraryConfig,
} from '../../../../libs/domain/src/resource-sync/toml/round-trip.fixtures';
import {
  concretePaths,
  valueAt,
  withValueAt,
} from '../../../../libs/domain/src/resource-sync/plan/secret-paths';
import { completePatch } from '../../../../libs/domain/src/resources/lifecycle/complete-patch';
import { checkConfig } from '../reading/config-check';

/**
 * A stored world for the export/import round trip: one resource of every kind for each id of the
 * fixtures' pool (every field set, as a write accepts it, secrets sealed), tags, users,
 * variables and user groups, and the sync that plans them.
 */

type Json = Record<string, unknown>;

export const SYNC_ID = 'syn-self';
export const TEMPLATE = { id: 'tpl-1', name: 'template one' };
export const TAGS = POOL.tags.map((id) => ({ id, name: POOL.nameOf.get(id) as string }));
export const USERS = [
  { id: 'usr-1', username: 'alice' },
  { id: 'usr-2', username: 'bob ü' },
  { id: 'usr-3', username: 'carol@example.com' },
];

/** What the tests' keyring seals a plaintext into; `secretMatches` opens it. */
export const sealed = (plaintext: string) => ({ sealed: plaintext });
export const secretMatches = (stored: unknown, plaintext: string) =>
  (stored as { sealed?: string } | null)?.sealed === plaintext;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Where a write's error is reset: a variant's param, an endpoint's param, else the top key. */
function resetPath(field: string): string[] {
  const steps = field.replace(/^config\.?/, '').split(/[.[]/);
  if (steps[0] === 'params') return steps.slice(0, 2);
  if (steps[0] === 'endpoint' && steps[1] === 'params') return steps.slice(0, 3);
  return steps.slice(0, 1);
}

/** The defaults of the config's own variants. */
function defaultsOf(kind: ResourceKind, config: Json): Json {
  const variant = VARIANTS[kind]?.[config.type as string];
  if (variant) return { type: config.type, params: variant() };
  const defaults = KIND_SPECS[kind].defaults() as Json;
  const endpoint = config.endpoint as { type: AlerterEndpointType } | undefined;
  return endpoint ? { ...defaults, endpoint: defaultAlerterEndpoint(endpoint.type) } : defaults;
}

/**
 * What a write would store of a generated config: a field the write refuses (a rule between
 * fields the generators do not know) goes back to its default; the rest completed as stored.
 */
export function asWritten(kind: ResourceKind, name: string, generated: Json): Json {
  let config = clone(generated);
  for (let pass = 0; pass < 8; pass++) {
    const { problems } = checkConfig(kind, name, clone(config));
    const errors = problems.filter((p) => p.severity === 'error');
    // Stored as the write completes it (a tagged union's params, an empty optional unset).
    if (!errors.length)
      return { ...config, ...completePatch(kind, KIND_SPECS[kind].defaults(), config) };
    for (const { field } of errors) {
      const path = resetPath(field);
      config = withValueAt(config, path, clone(valueAt(defaultsOf(kind, config), path))) as Json;
    }
  }
  throw new Error(
    `${kind} '${name}': no config a write accepts came of ${JSON.stringify(generated)}`,
  );
}

/** Secrets stored as a write stores them: sealed (an empty one stays empty). */
export function sealSecrets(kind: ResourceKind, config: Json): Json {
  let out: unknown = config;
  for (const secret of KIND_SPECS[kind].secrets)
    for (const path of concretePaths(out, secret)) {
      const value = valueAt(out, path);
      if (typeof value === 'string' && value !== '') out = withValueAt(out, path, sealed(value));
    }
  return out as Json;
}

export function resourceOf(
  kind: ResourceKind,
  id: string,
  name: string,
  config: Json,
  more: Partial<Resource> = {},
): Resource {
  return {
    kind, id, name, description: '', tags: [], config: config as never, basePermission: 'None',
    createdAt: 0, updatedAt: 0, revision: 0, configWriter: '', ...more,
  } as Resource; // prettier-ignore
}

/** Every pool resource: its kind, id and name. */
export const STORED: { kind: ResourceKind; id: string; name: string }[] = [
  ...RESOURCE_KINDS.flatMap((kind) =>
    (IDS[kind] ?? []).map((id) => ({ kind, id, name: POOL.nameOf.get(id) as string })),
  ),
  { kind: 'ServerTemplate', ...TEMPLATE },
];

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 8 }));

export const storedConfig = (kind: ResourceKind, name: string) =>
  arbitraryConfig(kind).map((config) => asWritten(kind, name, config as Json));

const storedResource = ({ kind, id, name }: (typeof STORED)[number]) =>
  fc
    .record({ config: storedConfig(kind, name), description: text, tags: fc.subarray(POOL.tags) })
    .map(({ config, ...meta }) => resourceOf(kind, id, name, sealSecrets(kind, config), meta));

const variable: fc.Arbitrary<Variable> = fc
  .record({
    name: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/),
    value: text,
    description: text,
    isSecret: fc.boolean(),
  })
  .map((v) => (v.isSecret && v.value !== '' ? { ...v, value: sealed(v.value) } : v));

const level = fc.constantFrom('None', 'Read', 'Execute', 'Write');
const kindGrants = fc.dictionary(fc.constantFrom(...RESOURCE_KINDS), level, { maxKeys: 4 });
const kindSpecifics = fc
  .constantFrom(...RESOURCE_KINDS)
  .chain((kind) =>
    fc.subarray([...(SPECIFICS_OF_KIND[kind] ?? [])]).map((s) => [kind, s] as const),
  );
const target = fc.constantFrom(...STORED).map(({ kind, id }) => ({ kind, id }));

const userGroup: fc.Arbitrary<UserGroup> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 12 }).filter((n) => n.trim() === n && n !== ''),
    everyone: fc.boolean(),
    users: fc.subarray(USERS.map((u) => u.id)),
    all: kindGrants,
    specificAll: fc.array(kindSpecifics, { maxLength: 2 }),
    resources: fc.array(fc.tuple(target, level), { maxLength: 3 }),
    specificResources: fc.array(
      target.chain((t) => fc.subarray([...(SPECIFICS_OF_KIND[t.kind] ?? [])]).map((s) => [t, s] as const)),
      { maxLength: 2 },
    ),
  })
  .map((g) => ({
    id: `grp-${g.name}`,
    name: g.name,
    everyone: g.everyone,
    users: g.users,
    grants: {
      all: g.all,
      resources: Object.fromEntries(g.resources.map(([t, l]) => [`${t.kind}/${t.id}`, l])),
      specific: {
        all: Object.fromEntries(g.specificAll),
        resources: Object.fromEntries(g.specificResources.map(([t, s]) => [`${t.kind}/${t.id}`, s])),
      },
    },
  })) as fc.Arbitrary<UserGroup>; // prettier-ignore

export interface World {
  resources: Resource[];
  variables: Variable[];
  userGroups: UserGroup[];
  /** The planning sync's `match_tags`, by name. */
  matchTags: string[];
}

export const world: fc.Arbitrary<World> = fc.record({
  resources: fc.tuple(...STORED.map(storedResource)),
  // One variable per spelling in any case, as a write keeps them.
  variables: fc.uniqueArray(variable, { selector: (v) => variableNameKey(v.name), maxLength: 4 }),
  userGroups: fc.uniqueArray(userGroup, { selector: (g) => g.name, maxLength: 3 }),
  matchTags: fc.oneof(
    fc.constant<string[]>([]),
    fc.subarray(
      TAGS.map((t) => t.name),
      { maxLength: 2 },
    ),
  ),
});
