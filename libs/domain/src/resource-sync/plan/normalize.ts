import type { ResourceKind } from '../../kinds';
import type { Resource } from '../../resources/lifecycle/state';
import { KIND_SPECS } from '../../resources/configs/registry';
import type { DeclaredResource } from '../declared';
import { referenceName, tagNames, type SyncLookup } from './lookup';
import { namedConfig, normalizedConfig, type PlanMemo } from './memo';
import { concretePaths, valueAt, withValueAt } from './secret-paths';
import type { ResourceView } from './types';

type Config = Record<string, unknown>;

/** An existing resource as compared: defaults for keys stored before they existed, names for ids. */
export function currentView(
  resource: Resource & { template?: boolean },
  lookup: SyncLookup,
  declared?: DeclaredResource,
  memo?: PlanMemo,
): ResourceView {
  const config = normalizedConfig(resource.kind, resource.config as unknown as Config, memo);
  const rename = (kind: ResourceKind, id: string) => referenceName(lookup, kind, id);
  return {
    kind: resource.kind,
    name: resource.name,
    description: resource.description,
    tags: tagNames(lookup, resource.tags),
    template: resource.template ?? false,
    config: namedConfig(resource.kind, config, rename, memo),
    deploy: declared?.deploy ?? false,
    after: declared?.after ?? [],
  };
}

/**
 * What the declaration makes of the resource: defaults for omitted keys, references and tags by
 * name; a secret omitted keeps its stored value, a secret given equal to the stored one is the
 * stored (sealed) value; a Build's omitted `version` stays (Komodo never resets it).
 */
export function proposedView(
  declared: DeclaredResource,
  current: (Resource & { template?: boolean }) | undefined,
  lookup: SyncLookup,
  secretMatches: (stored: unknown, plaintext: string) => boolean,
  memo?: PlanMemo,
): ResourceView {
  const { kind } = declared;
  const rename = (k: ResourceKind, target: string) => referenceName(lookup, k, target);
  let config = namedConfig(kind, normalizedConfig(kind, declared.config, memo), rename, memo);
  const stored = current?.config as unknown as Config | undefined;
  if (stored) {
    for (const secret of KIND_SPECS[kind].secrets) {
      for (const path of concretePaths(config, secret)) {
        const kept = valueAt(stored, path);
        if (kept === undefined || kept === valueAt(config, path)) continue;
        // As written and in its stored form (lines end with a newline): either may be stored.
        const written = valueAt(declared.config, path);
        const omitted = written === undefined;
        const same =
          typeof kept !== 'string' &&
          [written, valueAt(config, path)].some(
            (given) => typeof given === 'string' && secretMatches(kept, given),
          );
        if (omitted || same) config = withValueAt(config, path, kept) as Config;
      }
    }
    if (kind === 'Build' && declared.config.version === undefined) {
      config = { ...config, version: stored.version };
    }
  }
  const keepsTemplate = current !== undefined && current.template === undefined;
  return {
    kind,
    name: declared.name,
    description: declared.description ?? '',
    tags: tagNames(lookup, declared.tags ?? []),
    template: keepsTemplate ? false : (declared.template ?? false),
    config,
    deploy: declared.deploy,
    after: declared.after,
  };
}
