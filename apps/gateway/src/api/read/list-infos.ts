import type { Resource, ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { serverListInfo } from '../servers/server-list-info';
import { deploymentListInfo, stackListInfo } from './container-list-info';
import { CONFIG_INFOS, type ConfigInfoKind } from './kind-list-info';

export type ListInfo<K extends ResourceKind> = (resource: Resource<K>) => Record<string, unknown>;
export type ListInfos = { [K in ResourceKind]: ListInfo<K> };

/**
 * Per kind, the list item's `info` from the read model: what the list shows of a resource's
 * live state. Procedures' and Actions' next scheduled run is not in it: it moves with the clock
 * (see ListItems).
 */
export function listInfos(readModel: ReadModel): ListInfos {
  const withRuns =
    <K extends ConfigInfoKind>(kind: K): ListInfo<K> =>
    (resource) =>
      CONFIG_INFOS[kind](resource, readModel.executions.forTarget(kind, resource.id), readModel);
  return {
    Server: (server) => serverListInfo(readModel, server),
    Deployment: (deployment) => deploymentListInfo(readModel, deployment),
    Stack: (stack) => stackListInfo(readModel, stack),
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
