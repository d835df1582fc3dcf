import type { Grants, Resource, ResourceKind, User } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { Principal } from '../../apps/gateway/src/auth/principal';
import {
  graphqlContext,
  type GraphqlContext,
} from '../../apps/gateway/src/graphql/graphql-context';

/**
 * The part of the read model the bench's query reads (list, resourcesById), over `deployments`
 * Deployments spread on `servers` Servers, in memory: what each driver serves is the same.
 */
export function benchFleet(deployments: number, servers: number) {
  const byKind = new Map<ResourceKind, Resource[]>();
  const resource = (kind: ResourceKind, i: number, config: Record<string, unknown>): Resource =>
    ({
      kind,
      id: `${kind.toLowerCase()}-${String(i).padStart(5, '0')}`,
      name: `${kind.toLowerCase()}-${String(i).padStart(5, '0')}`,
      description: '',
      tags: [],
      config,
      basePermission: 'None',
      updatedAt: 0,
    }) as unknown as Resource;
  const serverList = Array.from({ length: servers }, (_, i) => resource('Server', i, {}));
  byKind.set('Server', serverList);
  byKind.set(
    'Deployment',
    Array.from({ length: deployments }, (_, i) =>
      resource('Deployment', i, { server_id: serverList[i % servers].id }),
    ),
  );
  const byId = new Map([...byKind.values()].flat().map((r) => [`${r.kind}/${r.id}`, r]));
  const readModel = {
    list: (kind: ResourceKind) => [...(byKind.get(kind) ?? [])],
    resourcesById: (kind: ResourceKind, ids: readonly string[]) =>
      ids.map((id) => byId.get(`${kind}/${id}`)),
  } as unknown as ReadModel;
  return readModel;
}

const ADMIN = {
  id: 'admin',
  username: 'admin',
  enabled: true,
  admin: true,
  grants: { all: {}, resources: {} } as unknown as Grants,
} as unknown as User;

/** A fresh context per request, as the gateway makes one: its own DataLoaders. */
export function benchContext(readModel: ReadModel): GraphqlContext {
  return graphqlContext({
    principal: new Principal(ADMIN, [], 'api'),
    meta: { userId: 'admin', via: 'api', correlationId: 'bench' },
    readModel,
    dispatch: () => Promise.reject(new Error('the bench dispatches nothing')),
    shown: (resource) => resource,
    updatesPageSize: 100,
    readable: (kind) => readModel.list(kind),
    listInfo: () => ({ state: 'unknown' }),
  });
}
