import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
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
import { syncInfo } from './sync-info';
import { toKomodoResource, toListItem } from '../komodo-shapes';
import { RequestRegistry } from '../request-registry';
import { withScheduleInfo } from '../schedules/schedule-info';
import { serverListInfo } from '../servers/server-list-info';
import { deploymentListInfo, stackListInfo } from './container-list-info';
import { CONFIG_INFOS, type ConfigInfoKind } from './kind-list-info';
import { sortListItems } from './list-sort';
import { repoInfo } from './repo-info';
import { stackInfo } from './stack-info';

/** `Get<Kind>`, `List<Kinds>`, `ListFull<Kinds>` for every kind, from the read model. */
@Injectable()
export class ResourceReads implements OnModuleInit {
  /** Per kind, the list item's `info`: what the list shows of a resource's live state. */
  private readonly infos: ListInfos;

  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
  ) {
    const configInfos = mapConfigInfos(readModel);
    const { timezone } = config.scheduler;
    this.infos = {
      Server: (server) => serverListInfo(readModel, server),
      Deployment: (deployment) => deploymentListInfo(readModel, deployment),
      Stack: (stack) => stackListInfo(readModel, stack),
      ...configInfos,
      Procedure: withScheduleInfo(configInfos.Procedure, timezone),
      Action: withScheduleInfo(configInfos.Action, timezone),
    };
  }

  onModuleInit(): void {
    for (const kind of RESOURCE_KINDS) {
      const entries = KIND_REQUESTS[kind];
      const param = GET_PARAM[kind];
      this.registry.handle(entries.get, async (params) => {
        const resource = this.get(kind, params[param]);
        return toKomodoResource(this.shown(resource), this.fullInfo(resource));
      });
      this.registry.handle(entries.list, async (params, { principal }) => {
        const items = this.visible(kind, params, principal).map((r) => toListItem(r, this.info(r)));
        return pageOf(sortListItems(items, params.sort_by, params.sort_desc), params);
      });
      this.registry.handle(entries.listFull, async (params, { principal }) =>
        pageOf(this.visible(kind, params, principal), params).map((r) =>
          toKomodoResource(this.shown(r)),
        ),
      );
    }
  }

  /** `Get<Kind>`'s `info`, for the kinds that have one beyond their config. */
  private fullInfo(resource: Resource): Record<string, unknown> {
    if (resource.kind === 'Stack') return stackInfo(this.readModel, resource);
    if (resource.kind === 'Repo') return repoInfo(this.readModel, resource);
    if (isOfKind(resource, 'Build')) return buildFullInfo(this.readModel, resource);
    if (isOfKind(resource, 'ResourceSync')) return syncInfo(this.readModel, resource);
    // Komodo's Alerter has no info; Monitor's shows its deliveries' health.
    if (resource.kind === 'Alerter') {
      const { last_delivery, health } = this.info(resource);
      return { last_delivery, health };
    }
    return {};
  }

  /** The resource as reads show it: a Build with the version its builds recorded. */
  private shown(resource: Resource): Resource {
    return isOfKind(resource, 'Build') ? shownBuild(this.readModel, resource) : resource;
  }

  private info<K extends ResourceKind>(resource: Resource<K>): Record<string, unknown> {
    const info: ListInfos[K] = this.infos[resource.kind];
    return info(resource);
  }

  get(kind: ResourceKind, idOrName: string): Resource {
    const resource = this.readModel.resource(kind, idOrName);
    if (!resource)
      throw new ApiError(404, `no ${kind} has the name or id '${idOrName}'`, 'NOT_FOUND');
    return resource;
  }

  /** The resources of the kind the query matches and the principal may read, by name. */
  private visible(kind: ResourceKind, { query }: ListResourcesDto, principal: Principal) {
    return this.readModel
      .list(kind)
      .filter((r) => principal.can(r, 'Read') && matches(r, query, this.readModel));
  }
}

type ListInfo<K extends ResourceKind> = (resource: Resource<K>) => Record<string, unknown>;
type ListInfos = { [K in ResourceKind]: ListInfo<K> };

/** The config kinds' infos, their runs and the read model given. */
function mapConfigInfos(readModel: ReadModel): { [K in ConfigInfoKind]: ListInfo<K> } {
  const withRuns =
    <K extends ConfigInfoKind>(kind: K): ListInfo<K> =>
    (resource) =>
      CONFIG_INFOS[kind](resource, readModel.executions.forTarget(kind, resource.id), readModel);
  return {
    Repo: withRuns('Repo'),
    Build: withRuns('Build'),
    Builder: withRuns('Builder'),
    Procedure: withRuns('Procedure'),
    Action: withRuns('Action'),
    ResourceSync: withRuns('ResourceSync'),
    Alerter: withRuns('Alerter'),
    ServerTemplate: withRuns('ServerTemplate'),
  };
}

/** Komodo's `page` of `limit` items (all of them without a limit). */
function pageOf<T>(items: T[], { page = 0, limit = 0 }: ListResourcesDto): T[] {
  return limit ? items.slice(page * limit, (page + 1) * limit) : items;
}

/** Whether the resource is one a Komodo resource query picks (names, terms, tags). */
export function matches(
  resource: Resource,
  query: ResourceQueryDto | undefined,
  readModel: ReadModel,
): boolean {
  if (!query) return true;
  if (query.names?.length && !query.names.includes(resource.name)) return false;
  if (
    query.terms?.length &&
    !query.terms.some((t) => resource.name.toLowerCase().includes(t.toLowerCase()))
  ) {
    return false;
  }
  if (query.tags?.length) {
    const ids = query.tags.map((t) => readModel.tag(t)?.id ?? t);
    const has = (id: string) => resource.tags.includes(id);
    return query.tag_behavior === 'Any' ? ids.some(has) : ids.every(has);
  }
  return true;
}
