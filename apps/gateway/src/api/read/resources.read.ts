import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  GET_PARAM,
  KIND_REQUESTS,
  type ListResourcesDto,
  type ResourceQueryDto,
} from '@monitor/contracts';
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
import { ListOrders } from './list-orders';
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
  private readonly orders: ListOrders;

  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
  ) {
    this.listItems = new ListItems(readModel, config.scheduler.timezone);
    this.orders = new ListOrders(this.listItems);
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
        pageOf(this.picked(kind, this.readModel.sortedList(kind), params, principal), params).map(
          (r) => toKomodoResource(this.shown(r)),
        ),
      );
    }
  }

  /**
   * `List<Kinds>`: by name, or in the order `sort_by` asks (kept by ListOrders), one page of it
   * joined from the items' JSON.
   */
  private list(
    kind: ResourceKind,
    params: ListResourcesDto,
    principal: Principal,
  ): JsonAnswer<ListItem[]> {
    const byName = this.readModel.sortedList(kind);
    const sortBy = params.sort_by ?? 'Name';
    const ordered = sortBy === 'Name' ? byName : this.orders.sorted(kind, sortBy, byName);
    const picked = this.picked(kind, ordered, params, principal);
    const page = pageOf(params.sort_desc ? [...picked].reverse() : picked, params);
    return JsonAnswer.array<ListItem>(page.map((r) => this.listItems.json(r)));
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
   * The kind's resources by name that the query matches and the principal may read: what
   * `List<Kinds>` pages, for GraphQL's lists.
   */
  readable(
    kind: ResourceKind,
    query: ResourceQueryDto | undefined,
    principal: Principal,
  ): readonly Resource[] {
    return this.picked(kind, this.readModel.sortedList(kind), { query }, principal);
  }

  /**
   * Of the kind's resources (in the order given), those the query matches and the principal
   * may read; items read only when `query.specific` filters on them. No check per resource for
   * whoever reads the whole kind (readsAll).
   */
  private picked(
    kind: ResourceKind,
    ordered: readonly Resource[],
    { query }: ListResourcesDto,
    principal: Principal,
  ): readonly Resource[] {
    const matcher = queryMatcher(query, this.readModel);
    const specific = specificFilters(kind, query?.specific, this.readModel, (r) =>
      principal.can(r, 'Read'),
    );
    const readable = readsAll(principal, kind)
      ? ordered
      : ordered.filter((r) => principal.can(r, 'Read'));
    const resources =
      query || specific.resource
        ? readable.filter((r) => matcher(r) && (!specific.resource || specific.resource(r)))
        : readable;
    const itemTest = specific.item;
    return itemTest ? resources.filter((r) => itemTest(this.listItems.item(r))) : resources;
  }
}

/** Komodo's `page` of `limit` items (all of them without a limit). */
function pageOf<T>(items: readonly T[], { page = 0, limit = 0 }: ListResourcesDto): readonly T[] {
  return limit ? items.slice(page * limit, (page + 1) * limit) : items;
}
