import type { ResourceKind } from '../../kinds';
import type { Resource } from '../../resources/lifecycle/state';
import type { DeclaredResource } from '../declared';
import type { ResourceSyncConfig } from '../resource-sync.config';
import { tagNames } from './lookup';
import type { PlanInput } from './types';

/** RunSync's `resource_type` / `resources`: a resource is in when both (those given) pick it. */
export function pickedByRun(
  only: PlanInput['only'],
  kind: ResourceKind,
  name: string,
  id?: string,
): boolean {
  if (only?.kind && only.kind !== kind) return false;
  if (!only?.resources) return true;
  return only.resources.includes(name) || (id !== undefined && only.resources.includes(id));
}

/** `match_tags`: a resource is in scope when it carries every one of them (by name). */
export const matchesTags = (tags: readonly string[], matchTags: readonly string[]) =>
  matchTags.every((tag) => tags.includes(tag));

/**
 * Komodo leaves out syncs that cannot be synced themselves: one managed in the UI (its
 * `file_contents`), or a fresh one with neither files on host nor a repository.
 */
export function syncableSync(config: Partial<ResourceSyncConfig>): boolean {
  if (config.file_contents) return false;
  return Boolean(config.files_on_host || config.repo || config.linked_repo);
}

export function kindAllowsSync(kind: ResourceKind, config: Record<string, unknown>): boolean {
  return kind !== 'ResourceSync' || syncableSync(config as Partial<ResourceSyncConfig>);
}

/** In the sync's scope: its tags, RunSync's pick, never the sync itself, only syncable syncs. */
export function existingInScope(input: PlanInput, resource: Resource): boolean {
  if (resource.kind === 'ResourceSync' && resource.id === input.sync.id) return false;
  if (!kindAllowsSync(resource.kind, resource.config as unknown as Record<string, unknown>))
    return false;
  if (!pickedByRun(input.only, resource.kind, resource.name, resource.id)) return false;
  return inTaggedScope(input, resource.tags);
}

/** `match_tags` met by these tags (ids or names); most syncs match none, and need no names. */
function inTaggedScope(input: PlanInput, tags: readonly string[]): boolean {
  const matchTags = input.sync.config.match_tags;
  return matchTags.length === 0 || matchesTags(tagNames(input.lookup, tags), matchTags);
}

export function declaredInScope(input: PlanInput, declared: DeclaredResource): boolean {
  if (!kindAllowsSync(declared.kind, declared.config)) return false;
  // The id only counts for RunSync's `resources`.
  const id = input.only?.resources
    ? input.lookup.resourceId(declared.kind, declared.name)
    : undefined;
  if (!pickedByRun(input.only, declared.kind, declared.name, id)) return false;
  return inTaggedScope(input, declared.tags ?? []);
}

/** As Komodo's RunSync: a managed sync deletes what its files no longer declare, as `delete` does. */
export const deletesUndeclared = (config: Pick<ResourceSyncConfig, 'delete' | 'managed'>) =>
  config.delete || config.managed;
