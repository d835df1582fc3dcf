import DataLoader from 'dataloader';
import type { Resource, ResourceKind, Tag } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/**
 * The batched lookups of one GraphQL request: each key is read once per request however many
 * fields ask for it, and the keys a list's resolvers ask for in one tick are read in one lookup,
 * so a list's references cost one lookup per kind referred to, whatever the list's length.
 * `info` is the list item the gateway keeps ready (ResourceReads.listItems), as List<Kinds>
 * answers it.
 */
export class ResourceLoaders {
  private readonly byId = new Map<ResourceKind, DataLoader<string, Resource | undefined>>();
  readonly tags: DataLoader<string, Tag | undefined>;

  constructor(
    private readonly readModel: ReadModel,
    private readonly listInfo: (resource: Resource) => Record<string, unknown>,
  ) {
    this.tags = new DataLoader(async (ids) => ids.map((id) => readModel.tag(id)));
  }

  /** The resource of this kind with this id, found or not (access is the caller's to check). */
  resource(kind: ResourceKind, id: string): Promise<Resource | undefined> {
    let loader = this.byId.get(kind);
    if (!loader) {
      loader = new DataLoader(async (ids) => this.readModel.resourcesById(kind, ids));
      this.byId.set(kind, loader);
    }
    return loader.load(id);
  }

  /** The `info` the RPC's list answers for the resource. */
  info(resource: Resource): Record<string, unknown> {
    return this.listInfo(resource);
  }
}
