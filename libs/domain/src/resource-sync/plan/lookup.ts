import type { ResourceKind } from '../../kinds';

/**
 * Names and ids of what exists, whether or not it is in the sync's scope: stored configs name
 * resources, tags and users by id, declarations by name (or by id, which is accepted).
 */
export interface SyncLookup {
  resourceName(kind: ResourceKind, id: string): string | undefined;
  resourceId(kind: ResourceKind, name: string): string | undefined;
  tagName(id: string): string | undefined;
  userName(id: string): string | undefined;
}

interface Named {
  id: string;
  name: string;
}

/** A lookup over lists of what exists: resources with their kind, tags, users by username. */
export function lookupFrom(
  resources: (Named & { kind: ResourceKind })[],
  tags: Named[] = [],
  users: { id: string; username: string }[] = [],
): SyncLookup {
  const byId = new Map(resources.map((r) => [`${r.kind}/${r.id}`, r.name]));
  const byName = new Map(resources.map((r) => [`${r.kind}/${r.name}`, r.id]));
  const tagNames = new Map(tags.map((t) => [t.id, t.name]));
  const userNames = new Map(users.map((u) => [u.id, u.username]));
  return {
    resourceName: (kind, id) => byId.get(`${kind}/${id}`),
    resourceId: (kind, name) => byName.get(`${kind}/${name}`),
    tagName: (id) => tagNames.get(id),
    userName: (id) => userNames.get(id),
  };
}

/** A reference as a name: an id of an existing resource becomes its name; a name stays. */
export function referenceName(lookup: SyncLookup, kind: ResourceKind, idOrName: string): string {
  return lookup.resourceName(kind, idOrName) ?? idOrName;
}

/** Tags by name, sorted and once each: their order carries no meaning. */
export function tagNames(lookup: SyncLookup, tags: readonly string[]): string[] {
  if (tags.length === 0) return [];
  return [...new Set(tags.map((tag) => lookup.tagName(tag) ?? tag))].sort();
}
