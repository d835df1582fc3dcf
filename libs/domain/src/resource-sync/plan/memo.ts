import type { ResourceKind } from '../../kinds';
import { KIND_SPECS } from '../../resources/configs/registry';
import { deepEqual } from '../../shared/diff';
import { deepFreeze } from './deep-freeze';
import { differingPaths } from './field-diff';
import { type ConfigReference, mapReferences, referencesOf } from './references';
import type { SyncLookup } from './lookup';
import { maskSecrets } from './secret-paths';
import type { ResourceChange } from './types';
import { withDefaults } from './with-defaults';

type Config = Record<string, unknown>;
type Rename = (kind: ResourceKind, target: string) => string;

interface Named {
  kind: ResourceKind;
  targets: ConfigReference[];
  names?: string[];
  config?: Config;
}

/**
 * What planning keeps from one plan to the next, held by the caller: a plan is the same with or
 * without it, only sooner. Everything is kept by the object it was worked out from: stored
 * configs are replaced, never changed, by a write; the reader's declarations are frozen; and
 * what is kept here is frozen (at least at its top). So an unchanged resource keeps the same
 * objects from plan to plan, and what was found of them (their differences, their TOML) holds.
 */
export interface PlanMemo {
  readonly defaults: Map<ResourceKind, Config>;
  readonly normalized: WeakMap<object, { kind: ResourceKind; config: Config }>;
  readonly named: WeakMap<object, Named>;
  readonly diffs: WeakMap<object, { proposed: object; paths: string[][] }>;
  readonly masked: WeakMap<object, { kind: ResourceKind; config: Config }>;
  readonly changes: WeakMap<object, KeptChange>;
}

interface KeptChange {
  found: object | undefined;
  lookup: SyncLookup;
  change: ResourceChange | null;
}

export function createPlanMemo(): PlanMemo {
  return {
    defaults: new Map(),
    normalized: new WeakMap(),
    named: new WeakMap(),
    diffs: new WeakMap(),
    masked: new WeakMap(),
    changes: new WeakMap(),
  };
}

function sharedDefaults(memo: PlanMemo, kind: ResourceKind): Config {
  let defaults = memo.defaults.get(kind);
  if (!defaults) {
    defaults = deepFreeze(withDefaults(kind, {}));
    memo.defaults.set(kind, defaults);
  }
  return defaults;
}

/**
 * withDefaults, kept; the values equal to the kind's default are that (frozen) default, so
 * two configs leaving a field at its default hold the same object there.
 */
export function normalizedConfig(kind: ResourceKind, given: Config, memo?: PlanMemo): Config {
  if (!memo) return withDefaults(kind, given);
  const found = memo.normalized.get(given);
  if (found?.kind === kind) return found.config;
  const config = withDefaults(kind, given);
  const defaults = sharedDefaults(memo, kind);
  for (const key of Object.keys(config)) {
    const value = config[key];
    if (typeof value !== 'object' || value === null) continue;
    const shared = Object.hasOwn(defaults, key) ? defaults[key] : undefined;
    if (value !== shared && deepEqual(value, shared)) config[key] = shared;
  }
  // Frozen at the top; what it holds of a stored config is the read model's, shared as ever.
  memo.normalized.set(given, { kind, config: Object.freeze(config) });
  return config;
}

const sameNames = (a: string[], b: string[] | undefined) =>
  b !== undefined && a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * mapReferences, kept while every target the config names gets the same name: a name depends
 * on nothing but its kind and target, so the same names make the same config.
 */
export function namedConfig(
  kind: ResourceKind,
  config: Config,
  rename: Rename,
  memo?: PlanMemo,
): Config {
  if (!memo) return mapReferences(kind, config, rename);
  let found = memo.named.get(config);
  if (found?.kind !== kind) {
    found = { kind, targets: referencesOf(kind, config) };
    memo.named.set(config, found);
  }
  const names = found.targets.map((r) => rename(r.kind, r.target));
  if (found.config && sameNames(names, found.names)) return found.config;
  found.names = names;
  found.config = Object.freeze(mapReferences(kind, config, rename));
  return found.config;
}

/** differingPaths of two configs, kept for the pair last compared (frozen: share, never change). */
export function configPaths(current: Config, proposed: Config, memo?: PlanMemo): string[][] {
  if (!memo) return differingPaths(current, proposed);
  const last = memo.diffs.get(current);
  if (last?.proposed === proposed) return last.paths;
  const paths = deepFreeze(differingPaths(current, proposed));
  memo.diffs.set(current, { proposed, paths });
  return paths;
}

/** maskSecrets of a config, kept. */
export function maskedConfig(kind: ResourceKind, config: Config, memo?: PlanMemo): Config {
  const found = memo?.masked.get(config);
  if (found?.kind === kind) return found.config;
  const masked = maskSecrets(config, KIND_SPECS[kind].secrets);
  // A config with no secret set is its own masked form (and not this memo's to freeze).
  memo?.masked.set(config, { kind, config: masked === config ? masked : Object.freeze(masked) });
  return masked;
}

/**
 * A declaration's change (or none) beside the same existing resource, under the same lookup
 * object: the caller makes a new lookup whenever a name, tag or user changes, so the same
 * lookup answers every name as before, and the same objects make the same change.
 */
export function keptChange(
  memo: PlanMemo | undefined,
  declared: object,
  found: object | undefined,
  lookup: SyncLookup,
): ResourceChange | null | undefined {
  const kept = memo?.changes.get(declared);
  return kept && kept.found === found && kept.lookup === lookup ? kept.change : undefined;
}

export function keepChange(
  memo: PlanMemo | undefined,
  declared: object,
  found: object | undefined,
  lookup: SyncLookup,
  change: ResourceChange | null,
): void {
  // Only a frozen declaration (the reader's) holds what it held when its change was found.
  if (memo && Object.isFrozen(declared)) memo.changes.set(declared, { found, lookup, change });
}
