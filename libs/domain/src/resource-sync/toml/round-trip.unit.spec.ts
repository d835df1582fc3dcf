import fc from 'fast-check';
import { parse } from 'smol-toml';
import { RESOURCE_KINDS, type ResourceKind } from '../../kinds';
import { ALERTER_ENDPOINT_TYPES, defaultAlerterEndpoint } from '../../alerter/alerter.config';
import { defaultDeploymentImage } from '../../deployment/deployment.config';
import { EACH } from '../../resources/configs/common';
import { KIND_SPECS } from '../../resources/configs/registry';
import type { Resource } from '../../resources/lifecycle/state';
import { escapeBetweenTripleQuotes } from './prepass';
import { variantDefault, type ExportNames } from './config-view';
import { KIND_TABLES, renderResourceToml } from './render-resource';
import { VARIANTS, arbitraryConfig, POOL } from './round-trip.fixtures';

/**
 * Export, then read back as a plain TOML reader does: every field of every kind comes back,
 * except what the format leaves out on purpose (secrets; a Build's version while it counts up).
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const names: ExportNames = {
  resource: (_kind, id) => POOL.nameOf.get(id),
  tag: (id) => POOL.nameOf.get(id),
  user: (id) => POOL.nameOf.get(id),
};
const idOf = (name: unknown): unknown =>
  Array.isArray(name)
    ? name.map(idOf)
    : typeof name === 'string'
      ? (POOL.idOf.get(name) ?? name)
      : name;

function withDefaults(value: unknown, fallback: unknown): unknown {
  if (!isObject(value) || !isObject(fallback)) return value;
  const out: Json = { ...fallback };
  for (const [k, v] of Object.entries(value)) out[k] = withDefaults(v, fallback[k]);
  return out;
}

const versionOf = (text: unknown) => {
  if (typeof text !== 'string') return { major: 0, minor: 0, patch: 0 };
  const [major, minor, patch] = text.split('.').map(Number);
  return { major, minor, patch };
};

/** What a reader does with Komodo's TOML: names to ids, Komodo's keys back, defaults filled. */
function readBack(kind: ResourceKind, read: Json): Json {
  const renamed = (map: Json) => {
    const out: Json = {};
    const back: Json = {
      server: 'server_id',
      swarm: 'swarm_id',
      builder: 'builder_id',
      build: 'build_id',
      servers: 'server_ids',
    };
    for (const [k, v] of Object.entries(map)) out[(back[k] as string) ?? k] = v;
    return out;
  };
  const config = renamed((read.config as Json) ?? {});
  if (VARIANTS[kind]) {
    const params = renamed((config.params as Json) ?? {});
    if (Array.isArray(params.server_ids)) params.server_ids = params.server_ids.map(idOf);
    return {
      type: config.type,
      params: { ...VARIANTS[kind]![config.type as string](), ...params },
    };
  }
  const defaults = KIND_SPECS[kind].defaults() as Json;
  const out: Json = { ...defaults };
  for (const [key, value] of Object.entries(config)) {
    const fallback = variantDefault(kind, key, value) ?? defaults[key];
    out[key] = withDefaults(value, fallback);
  }
  for (const { path } of KIND_SPECS[kind].references) {
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((at, k) => (isObject(at) ? at[k] : undefined), out);
    const key = path[path.length - 1];
    if (isObject(parent) && key in parent) parent[key] = idOf(parent[key]);
  }
  if (kind === 'Deployment' && isObject(out.image) && out.image.type === 'Build') {
    const params = renamed(out.image.params as Json);
    out.image = {
      type: 'Build',
      params: { ...params, build_id: idOf(params.build_id), version: versionOf(params.version) },
    };
  }
  if (kind === 'Build') out.version = versionOf(config.version);
  if (kind === 'Procedure') {
    out.stages = ((config.stage as Json[]) ?? []).map((stage) => ({
      ...stage,
      executions: (stage.executions as Json[]).map((e) => {
        const execution = e.execution as { type: string; params: Json };
        const params = Object.fromEntries(
          Object.entries(execution.params).map(([k, v]) => [k, idOf(v)]),
        );
        return { ...e, execution: { ...execution, params } };
      }),
    }));
    delete out.stage;
  }
  if (kind === 'Alerter') {
    for (const field of ['resources', 'except_resources'])
      out[field] = (out[field] as Json[]).map((t) => ({ ...t, id: idOf(t.id) }));
  }
  return out;
}

function removeAt(object: unknown, path: string[]): void {
  const [head, ...rest] = path;
  if (head === EACH)
    return Array.isArray(object) ? object.forEach((o) => removeAt(o, rest)) : undefined;
  if (!isObject(object) || !(head in object)) return;
  if (rest.length === 0) delete object[head];
  else removeAt(object[head], rest);
}

/** The config as the format promises to carry it. */
function carried(kind: ResourceKind, config: Json): Json {
  const out = JSON.parse(JSON.stringify(config)) as Json;
  for (const path of KIND_SPECS[kind].secrets) removeAt(out, path);
  if (kind === 'Build' && out.auto_increment_version !== false)
    out.version = { major: 0, minor: 0, patch: 0 };
  // An optional param left empty is unset, as a write stores it (Ntfy's e-mail).
  const params = (out.endpoint as { params?: Json } | undefined)?.params;
  if (params?.email === '') delete params.email;
  return out;
}

function resourceOf(kind: ResourceKind, config: object, name: string, tags: string[]): Resource {
  return {
    kind,
    id: 'id',
    name,
    description: 'about it',
    tags,
    config: config as never,
    basePermission: 'None',
    createdAt: 0,
    updatedAt: 0,
    revision: 0,
    configWriter: '',
  } as Resource;
}

describe('export, then read back', () => {
  it.each(RESOURCE_KINDS)('%s: every field set comes back, secrets excepted', (kind) => {
    fc.assert(
      fc.property(arbitraryConfig(kind), fc.subarray(POOL.tags), (config, tags) => {
        const resource = resourceOf(kind, config, `${kind}-one`, tags);
        const toml = renderResourceToml(resource, names);
        const plain = parse(toml) as Json;
        // Komodo reads after its pre-pass: the output must mean the same to both readers.
        expect(parse(escapeBetweenTripleQuotes(toml))).toEqual(plain);
        const [entry] = plain[KIND_TABLES[kind]] as Json[];
        expect(entry.name).toBe(`${kind}-one`);
        expect(entry.tags ?? []).toEqual(tags.map((id) => POOL.nameOf.get(id)));
        const back = readBack(kind, entry);
        for (const path of KIND_SPECS[kind].secrets) removeAt(back, path);
        expect(back).toEqual(carried(kind, config as Json));
      }),
      { numRuns: 60 },
    );
  });

  it('an untouched config writes only its type where it has one, else nothing', () => {
    for (const kind of RESOURCE_KINDS) {
      const toml = renderResourceToml(
        resourceOf(kind, KIND_SPECS[kind].defaults(), 'plain', []),
        names,
      );
      const entry = (parse(toml) as Json)[KIND_TABLES[kind]] as Json[];
      const config = entry[0].config as Json | undefined;
      if (VARIANTS[kind])
        expect(config).toEqual({ type: (KIND_SPECS[kind].defaults() as Json).type, params: {} });
      else expect(config ?? {}).toEqual({});
    }
  });

  it('the variant defaults the reader fills match the domain', () => {
    expect(variantDefault('Deployment', 'image', { type: 'Build' })).toEqual(
      defaultDeploymentImage('Build'),
    );
    for (const type of ALERTER_ENDPOINT_TYPES)
      expect(variantDefault('Alerter', 'endpoint', { type })).toEqual(defaultAlerterEndpoint(type));
  });
});
