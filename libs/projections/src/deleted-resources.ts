import type { Resource, ResourceKind } from '@monitor/domain';

/** A deleted resource's last state, its config emptied. */
export type Tombstone = Omit<Resource, 'config'> & { config: Record<string, never> };

/** A resource as it was when deleted: what decides who may still read its history. */
export interface DeletedResource {
  /**
   * Its last state without the config (its history holds that). Access is decided on its kind,
   * id and base permission then, with the grants on its id, which users and groups keep.
   */
  resource: Tombstone;
  deletedAt: number;
  deletedBy: string;
}

/** Tombstones of deleted resources, by kind and id: ids are never reused, nor are these. */
export class DeletedResources {
  private readonly tombstones = new Map<string, DeletedResource>();

  record(resource: Resource, at: number, by: string): void {
    this.tombstones.set(key(resource.kind, resource.id), {
      resource: { ...resource, config: {} },
      deletedAt: at,
      deletedBy: by,
    });
  }

  get(kind: ResourceKind, id: string): DeletedResource | undefined {
    return this.tombstones.get(key(kind, id));
  }
}

const key = (kind: ResourceKind, id: string) => `${kind}/${id}`;
