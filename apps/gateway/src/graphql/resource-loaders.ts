import DataLoader from 'dataloader';
import { KIND_REQUESTS } from '@monitor/contracts';
import type { Resource, ResourceKind, Tag } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import type { Dispatch } from './graphql-context';

/** A list item of `List<Kinds>`, as the RPC answers it: the part GraphQL reads. */
interface ListItem {
  name: string;
  info: Record<string, unknown>;
}

/**
 * Above this many names, one whole `List<Kinds>` is cheaper than asking for the names (the
 * list checks each resource's name against the asked ones).
 */
const WHOLE_LIST_FROM = 200;

/**
 * The batched lookups of one GraphQL request: each key is read once per request however many
 * fields ask for it, so a list's references cost one lookup per distinct resource referred to,
 * and the list items' `info` one `List<Kinds>` per kind.
 */
export class ResourceLoaders {
  private readonly byId = new Map<ResourceKind, DataLoader<string, Resource | undefined>>();
  private readonly infos = new Map<ResourceKind, DataLoader<string, Record<string, unknown>>>();
  readonly tags: DataLoader<string, Tag | undefined>;

  constructor(
    private readonly readModel: ReadModel,
    private readonly dispatch: Dispatch,
    private readonly listInfo?: (resource: Resource) => Record<string, unknown>,
  ) {
    this.tags = new DataLoader(async (ids) => ids.map((id) => readModel.tag(id)));
  }

  /** The resource of this kind with this id, found or not (access is the caller's to check). */
  resource(kind: ResourceKind, id: string): Promise<Resource | undefined> {
    let loader = this.byId.get(kind);
    if (!loader) {
      loader = new DataLoader(async (ids) => ids.map((i) => this.readModel.resourceById(kind, i)));
      this.byId.set(kind, loader);
    }
    return loader.load(id);
  }

  /** The `info` the RPC's list answers for the resource. */
  async info(resource: Resource): Promise<Record<string, unknown>> {
    if (this.listInfo) return this.listInfo(resource);
    let loader = this.infos.get(resource.kind);
    if (!loader) {
      const { kind } = resource;
      loader = new DataLoader((names) => this.listInfos(kind, names));
      this.infos.set(kind, loader);
    }
    return loader.load(resource.name);
  }

  private async listInfos(kind: ResourceKind, names: readonly string[]) {
    const query = names.length > WHOLE_LIST_FROM ? {} : { query: { names: [...names] } };
    const items = (await this.dispatch('read', KIND_REQUESTS[kind].list.name, query)) as ListItem[];
    const byName = new Map(items.map((item) => [item.name, item.info]));
    return names.map((name) => byName.get(name) ?? { state: 'Unknown' });
  }
}
