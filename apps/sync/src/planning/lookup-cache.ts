import { type ResourceKind, type SyncLookup, lookupFrom } from '@monitor/domain';

interface Named {
  id: string;
  name: string;
}

type Resource = Named & { kind: ResourceKind };
type User = { id: string; username: string };

const sameList = <T>(a: T[], b: T[], same: (x: T, y: T) => boolean) =>
  a.length === b.length && a.every((x, i) => same(x, b[i]));

/**
 * The plan's lookup, the same object for as long as every resource, tag and user keeps its id
 * and name: the plan memo keeps a resource's change for the same lookup (the same lookup
 * answers every name as before), so a write that renames nothing keeps it.
 */
export class LookupCache {
  private last?: { resources: Resource[]; tags: Named[]; users: User[]; lookup: SyncLookup };

  lookup(resources: Resource[], tags: Named[], users: User[]): SyncLookup {
    const last = this.last;
    if (
      last &&
      sameList(
        last.resources,
        resources,
        (a, b) => a.kind === b.kind && a.id === b.id && a.name === b.name,
      ) &&
      sameList(last.tags, tags, (a, b) => a.id === b.id && a.name === b.name) &&
      sameList(last.users, users, (a, b) => a.id === b.id && a.username === b.username)
    )
      return last.lookup;
    const lookup = lookupFrom(resources, tags, users);
    this.last = { resources, tags, users, lookup };
    return lookup;
  }
}
