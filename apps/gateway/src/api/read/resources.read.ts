import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { GET_PARAM, KIND_REQUESTS, type ListResourcesDto } from '@monitor/contracts';
import { isOfKind, RESOURCE_KINDS, type Resource, type ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../api-error';
import { buildFullInfo, shownBuild } from '../builds/build-shown';
import { JsonAnswer } from '../json-answer';
import { toKomodoResource } from '../komodo-shapes';
import { RequestRegistry } from '../request-registry';
import { ListItems, type ListItem } from './list-items';
import { queryMatcher } from './list-query';
import { readsAll } from './reads-all';
import { sortListItems } from './list-sort';
import { specificFilters } from './list-specifics';
import { repoInfo } from './repo-info';
import { stackInfo } from './stack-info';
import { syncInfo } from './sync-info';

export { matches } from './list-query';

/**
 * `Get<Kind>`, `List<Kinds>`, `ListFull<Kinds>` for every kind, from the read model. Lists are
 * answered from the items ListItems keeps ready, already serialised: a page of 50 reads 50.
 */
@Injectable()
export class ResourceReads implements OnModuleInit, OnModuleDestroy {
  /** Every resource's list item, kept ready: for any reader of list items (GraphQL too). */
  readonly listItems: ListItems;

  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
  ) {
    this.listItems = new ListItems(readModel, config.scheduler.timezone);
  }

  onModuleDestroy(): void {
    this.listItems.close();
  }

  onModuleInit(): void {
    for (const kind of RESOURCE_KINDS) {
      const entries = KIND_REQUESTS[kind];
      const param = GET_PARAM[kind];
      this.registry.handle(entries.get, async (params) => {
        const resource = this.get(kind, params[param]);
        return toKomodoResource(this.shown(resource), this.fullInfo(resource));
      });
      this.registry.handle(entries.list, async (params, { principal }) =>
        this.list(kind, params, principal),
      );
      this.registry.handle(entries.listFull, async (params, { principal }) =>
        pageOf(this.listed(kind, params, principal).resources, params).map((r) =>
          toKomodoResource(this.shown(r)),
        ),
      );
    }
  }

  /**
   * `List<Kinds>`: by name unless `sort_by` asks otherwise (then every item is read to sort),
   * one page of it, joined from the items' JSON.
   */
  private list(
    kind: ResourceKind,
    params: ListResourcesDto,
    principal: Principal,
  ): JsonAnswer<ListItem[]> {
    const { resources, items } = this.listed(kind, params, principal);
    if (!items && (params.sort_by ?? 'Name') === 'Name') {
      const ordered = params.sort_desc ? [...resources].reverse() : resources;
      return JsonAnswer.array<ListItem>(pageOf(ordered, params).map((r) => this.listItems.json(r)));
    }
    const all = items ?? resources.map((r) => ({ resource: r, item: this.listItems.item(r) }));
    const sorted = sortListItems(
      all.map(({ resource, item }) => ({ ...item, resource })),
      params.sort_by,
      params.sort_desc,
    );
    return JsonAnswer.array<ListItem>(
      pageOf(sorted, params).map(({ resource }) => this.listItems.json(resource)),
    );
  }

  /** `Get<Kind>`'s `info`, for the kinds that have one beyond their config. */
  private fullInfo(resource: Resource): Record<string, unknown> {
    if (resource.kind === 'Stack') return stackInfo(this.readModel, resource);
    if (resource.kind === 'Repo') return repoInfo(this.readModel, resource);
    if (isOfKind(resource, 'Build')) return buildFullInfo(this.readModel, resource);
    if (isOfKind(resource, 'ResourceSync')) return syncInfo(this.readModel, resource);
    // Komodo's Alerter has no info; Monitor's shows its deliveries' health.
    if (resource.kind === 'Alerter') {
      const { last_delivery, health } = this.listItems.item(resource).info;
      return { last_delivery, health };
    }
    return {};
  }

  /** The resource as reads show it: a Build with the version its builds recorded. */
  private shown(resource: Resource): Resource {
    return isOfKind(resource, 'Build') ? shownBuild(this.readModel, resource) : resource;
  }

  get(kind: ResourceKind, idOrName: string): Resource {
    const resource = this.readModel.resource(kind, idOrName);
    if (!resource)
      throw new ApiError(404, `no ${kind} has the name or id '${idOrName}'`, 'NOT_FOUND');
    return resource;
  }

  /**
   * The resources of the kind the query matches and the principal may read, by name; with the
   * items read when `query.specific` filters on them. No check per resource for whoever reads
   * the whole kind (readsAll).
   */
  private listed(
    kind: ResourceKind,
    { query }: ListResourcesDto,
    principal: Principal,
  ): { resources: readonly Resource[]; items?: { resource: Resource; item: ListItem }[] } {
    const picked = queryMatcher(query, this.readModel);
    const specific = specificFilters(kind, query?.specific, this.readModel);
    const all = this.readModel.sortedList(kind);
    const readable = readsAll(principal, kind) ? all : all.filter((r) => principal.can(r, 'Read'));
    const resources =
      query || specific.resource
        ? readable.filter((r) => picked(r) && (!specific.resource || specific.resource(r)))
        : readable;
    const itemTest = specific.item;
    if (!itemTest) return { resources };
    const items = resources
      .map((resource) => ({ resource, item: this.listItems.item(resource) }))
      .filter(({ item }) => itemTest(item));
    return { resources: items.map(({ resource }) => resource), items };
  }
}

/** Komodo's `page` of `limit` items (all of them without a limit). */
function pageOf<T>(items: readonly T[], { page = 0, limit = 0 }: ListResourcesDto): readonly T[] {
  return limit ? items.slice(page * limit, (page + 1) * limit) : items;
}
