import { isResourceKind, type ResourceKind } from '../../kinds';
import { defaultAlerterEndpoint, type AlerterEndpointType } from '../../alerter/alerter.config';
import {
  defaultDeploymentImage,
  type DeploymentImageType,
} from '../../deployment/deployment.config';
import { withTargets } from '../../procedure/executions';
import type { ProcedureConfig } from '../../procedure/procedure.config';
import { EACH, type ResourceTarget, type Version } from '../../resources/configs/common';
import { KIND_SPECS } from '../../resources/configs/registry';
import { CONFIG_VARIANTS } from '../../resources/configs/variants';
import { deepEqual } from '../../shared/diff';
import { kindDefaults } from '../plan/with-defaults';

/** What the export needs to write names where the read model holds ids. */
export interface ExportNames {
  /** The name of the resource with this id, if there is one (Komodo writes '' otherwise). */
  resource(kind: ResourceKind, id: string): string | undefined;
  tag(id: string): string | undefined;
  user(id: string): string | undefined;
}

type Json = Record<string, unknown>;

/** Fields holding a `{ type, params }` union: their default is the variant's, not the kind's. */
const VARIANT_FIELDS: Partial<Record<ResourceKind, Record<string, (type: string) => object>>> = {
  Deployment: { image: (type) => defaultDeploymentImage(type as DeploymentImageType) },
  Alerter: { endpoint: (type) => defaultAlerterEndpoint(type as AlerterEndpointType) },
};

/** Komodo's field order where Monitor's defaults list them otherwise. */
const KOMODO_ORDER: Partial<Record<ResourceKind, string[]>> = {
  Action: [
    'run_at_startup', 'schedule_format', 'schedule', 'schedule_enabled', 'schedule_timezone',
    'schedule_alert', 'failure_alert', 'webhook_enabled', 'webhook_secret', 'reload_deno_deps',
    'file_contents', 'arguments_format', 'arguments',
  ],
}; // prettier-ignore

/** Komodo's names in TOML for the id fields (its `edit_config_object`). */
const TOML_KEYS: Record<string, string> = {
  server_id: 'server',
  swarm_id: 'swarm',
  builder_id: 'builder',
  build_id: 'build',
  server_ids: 'servers',
};

export const versionText = ({ major, minor, patch }: Version) => `${major}.${minor}.${patch}`;
const isZeroVersion = (v: Version) => v.major === 0 && v.minor === 0 && v.patch === 0;

/** A field of the object itself, never one of Object.prototype's (a label may be `toString`). */
const own = (object: Json, key: string): unknown =>
  Object.hasOwn(object, key) ? object[key] : undefined;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The default a `{ type, params }` field compares with: its own variant's. */
export function variantDefault(kind: ResourceKind, field: string, value: unknown): unknown {
  const byType = VARIANT_FIELDS[kind]?.[field];
  if (!byType || !isObject(value) || typeof value.type !== 'string') return undefined;
  return byType(value.type);
}

/** Komodo leaves out empty strings; only those whose default is empty too may go. */
/** Komodo writes fields in its structs' order: the default's, then any others as they come. */
function keysInOrder(value: Json, fallback: Json): string[] {
  const known = Object.keys(fallback).filter((key) => Object.hasOwn(value, key));
  return [...known, ...Object.keys(value).filter((key) => !Object.hasOwn(fallback, key))];
}

/** Fields holding a map of strings (Hetzner's labels): an empty value there is a value. */
const STRING_MAPS = new Set(['labels']);

/** In the default's key order, without the empty strings Komodo leaves out. */
function pruneEmpty(value: unknown, fallback: unknown): unknown {
  if (Array.isArray(value))
    return value.map((item) => (isObject(item) ? pruneEmpty(item, {}) : item));
  if (!isObject(value)) return value;
  const defaults = isObject(fallback) ? fallback : {};
  const kept = (key: string) => STRING_MAPS.has(key) && isObject(value[key]);
  const entries = keysInOrder(value, defaults)
    .filter((key) => !(value[key] === '' && (own(defaults, key) ?? '') === ''))
    .map((key) => [key, kept(key) ? value[key] : pruneEmpty(value[key], own(defaults, key))]);
  return Object.fromEntries(entries);
}

function nameOf(names: ExportNames, kind: ResourceKind, id: unknown): unknown {
  return typeof id === 'string' && id ? (names.resource(kind, id) ?? '') : id;
}

function getAt(object: unknown, path: string[]): unknown {
  return path.reduce<unknown>((at, key) => (isObject(at) ? own(at, key) : undefined), object);
}

/** Ids to names, at the kind's reference paths, in a procedure's executions and alert targets. */
/** A copy of `object` with the value at `path` changed; what is off the path stays shared. */
function updateAt(object: Json, path: string[], change: (value: unknown) => unknown): Json {
  const [head, ...rest] = path;
  if (!Object.hasOwn(object, head)) return object;
  const value = object[head];
  if (rest.length === 0) return { ...object, [head]: change(value) };
  return isObject(value) ? { ...object, [head]: updateAt(value, rest, change) } : object;
}

/** The config with names for ids; the caller's config is left as it was. */
function withNames(kind: ResourceKind, given: Json, names: ExportNames): Json {
  // Copied once, on the first name that differs: the planner's views name by name already.
  let config = given;
  const set = (key: string, value: unknown) => {
    if (config[key] === value) return;
    if (config === given) config = { ...given };
    config[key] = value;
  };
  for (const { path, kind: target, when } of KIND_SPECS[kind].references) {
    if (when && getAt(config, when.path) !== when.equals) continue;
    const [head, ...rest] = path;
    if (!Object.hasOwn(config, head)) continue;
    const named = (value: unknown) => {
      if (!Array.isArray(value)) return nameOf(names, target, value);
      const items = value.map((id) => nameOf(names, target, id));
      return items.every((item, i) => item === value[i]) ? value : items;
    };
    const value = config[head];
    if (rest.length === 0) set(head, named(value));
    else if (isObject(value)) set(head, updateAt(value, rest, named));
  }
  if (kind === 'Procedure' && Array.isArray(config.stages)) {
    const named = withTargets(config as unknown as ProcedureConfig, (ref) =>
      String(nameOf(names, ref.kind, ref.target)),
    );
    set('stages', named.stages);
  }
  if (kind === 'Alerter') {
    for (const field of ['resources', 'except_resources']) {
      if (!Array.isArray(config[field])) continue;
      set(
        field,
        (config[field] as ResourceTarget[]).map((t) =>
          isResourceKind(t.type) ? { ...t, id: nameOf(names, t.type, t.id) } : t,
        ),
      );
    }
  }
  return config;
}

function removeAt(object: unknown, path: string[]): void {
  const [head, ...rest] = path;
  if (head === EACH) {
    if (Array.isArray(object)) for (const item of object) removeAt(item, rest);
    return;
  }
  if (Array.isArray(object) || !isObject(object) || !Object.hasOwn(object, head)) return;
  if (rest.length === 0) delete object[head];
  else removeAt(object[head], rest);
}

function renamed(map: Json): Json {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [own(TOML_KEYS, k) ?? k, v]));
}

/** Komodo renames the id fields of the config, of a Deployment's image and a Builder's params. */
function renameKeys(view: Json): Json {
  const out = renamed(view);
  for (const parent of [out, out.image]) {
    if (isObject(parent) && isObject(parent.params)) parent.params = renamed(parent.params);
  }
  return out;
}

/** Versions as Komodo writes them: `"1.2.3"`, none for 0.0.0 or an auto-incremented Build. */
function withVersions(kind: ResourceKind, full: Json, view: Json): void {
  if (kind === 'Build' && isObject(view.version)) {
    if (full.auto_increment_version !== false) delete view.version;
    else view.version = versionText(view.version as unknown as Version);
  }
  const image = view.image;
  if (
    kind === 'Deployment' &&
    isObject(image) &&
    image.type === 'Build' &&
    isObject(image.params)
  ) {
    const version = image.params.version as Version | undefined;
    if (!version || isZeroVersion(version)) delete image.params.version;
    else image.params.version = versionText(version);
  }
}

function ordered(kind: ResourceKind, view: Json): Json {
  const order = KOMODO_ORDER[kind];
  if (!order) return view;
  const keys = [...order, ...Object.keys(view).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(view, k)).map((k) => [k, view[k]]));
}

/**
 * A config as Komodo's TOML holds it: fields at their default left out (a `{ type, params }`
 * config keeps its type, and its params are compared with that variant's), ids as names, no
 * secret values, Komodo's key names and versions. `stages` is the procedure's, still inside.
 */
export function configView(kind: ResourceKind, config: object, names: ExportNames): Json {
  const full = withNames(kind, config as Json, names);
  const variants = CONFIG_VARIANTS[kind];
  let view: Json;
  if (variants) {
    const type = String(full.type);
    const fallback = (variants[type]?.() ?? {}) as Json;
    const params = isObject(full.params) ? full.params : {};
    const minimized = keysInOrder(params, fallback)
      .filter((k) => !deepEqual(params[k], own(fallback, k)))
      .map((k) => [k, params[k]]);
    view = { type, params: pruneEmpty(Object.fromEntries(minimized), fallback) };
  } else {
    const defaults = kindDefaults(kind);
    view = {};
    for (const key of keysInOrder(full, defaults)) {
      const value = full[key];
      if (deepEqual(value, own(defaults, key))) continue;
      view[key] = pruneEmpty(value, variantDefault(kind, key, value) ?? own(defaults, key));
    }
  }
  // After minimizing, so a field differing only by its secret still says its variant.
  for (const path of KIND_SPECS[kind].secrets) removeAt(view, path);
  withVersions(kind, full, view);
  return ordered(kind, renameKeys(view));
}
