/**
 * Komodo's serde aliases of request params: the param naming the resource a request is about
 * may also be sent as `id` or `name` (`GetDeployment { id }`), a user as `id` or `username`.
 * Listed per request as Komodo 2.3.2 declares them (and the 1.x names Monitor still answers).
 */
const RESOURCE = ['id', 'name'];
const USER = ['id', 'username'];

export const PARAM_ALIASES: Readonly<Record<string, [param: string, aliases: string[]]>> = {
  ...Object.fromEntries(
    [
      'GetServer',
      'GetServerState',
      'GetSystemInformation',
      'GetSystemStats',
      'GetHistoricalServerStats',
      'ListSystemProcesses',
      'ListContainers',
      'ListImages',
      'ListNetworks',
      'ListVolumes',
      'ListDockerContainers',
      'ListDockerImages',
      'ListDockerNetworks',
      'ListDockerVolumes',
      'InspectContainer',
      'InspectDockerContainer',
      'GetContainerLog',
      'SearchContainerLog',
    ].map((request) => [request, ['server', RESOURCE]]),
  ),
  ...Object.fromEntries(
    [
      'GetDeployment',
      'GetDeploymentStats',
      'GetDeploymentLog',
      'SearchDeploymentLog',
      'InspectDeploymentContainer',
    ].map((request) => [request, ['deployment', RESOURCE]]),
  ),
  ...Object.fromEntries(
    [
      'GetStack',
      'ListStackServices',
      'InspectStackContainer',
      'GetStackLog',
      'SearchStackLog',
      'RefreshStackCache',
    ].map((request) => [request, ['stack', RESOURCE]]),
  ),
  GetBuild: ['build', RESOURCE],
  GetRepo: ['repo', RESOURCE],
  GetProcedure: ['procedure', RESOURCE],
  GetAction: ['action', RESOURCE],
  GetResourceSync: ['sync', RESOURCE],
  GetBuilder: ['builder', RESOURCE],
  GetAlerter: ['alerter', RESOURCE],
  GetTag: ['tag', RESOURCE],
  FindUser: ['user', USER],
  DeleteUser: ['user', USER],
};

export type AliasedParams =
  { ok: true; params: unknown } | { ok: false; field: string; message: string };

/**
 * The params with an alias renamed to the param it stands for, before validation. Two
 * spellings of one param are refused, as serde refuses a duplicate field.
 */
export function resolveParamAliases(request: string, params: unknown): AliasedParams {
  const entry = Object.hasOwn(PARAM_ALIASES, request) ? PARAM_ALIASES[request] : undefined;
  if (!entry || typeof params !== 'object' || params === null || Array.isArray(params))
    return { ok: true, params };
  const [param, aliases] = entry;
  const given = [param, ...aliases].filter((key) => Object.hasOwn(params, key));
  if (given.length > 1) {
    const message = `${given[1]}: give '${param}' once (${given.join(', ')} name the same param)`;
    return { ok: false, field: given[1], message };
  }
  if (given.length === 0 || given[0] === param) return { ok: true, params };
  const { [given[0]]: value, ...rest } = params as Record<string, unknown>;
  return { ok: true, params: { ...rest, [param]: value } };
}
