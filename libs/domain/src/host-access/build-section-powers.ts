import type { HostPower, HostPowerKind } from './host-powers';

type Yaml = Record<string, unknown>;
/** A host path's check: nothing when it stays in the stack's folder. */
export type HostPathCheck = (where: string, path: string) => HostPower[];

const isObject = (v: unknown): v is Yaml =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
/** Sources of an additional context that are no folder of the host. */
const NOT_A_FOLDER = /^(docker-image|service|oci-layout|https?|git):\/\/|^service:|^git@/;

/**
 * What a service's `build:` reads of its host: a context, additional contexts or a Dockerfile
 * outside the stack's folder, the host's SSH agent or keys (`ssh`), the host's network
 * (`network: host`), a privileged build or BuildKit entitlements. `extra_hosts`, `args`,
 * `target` and `labels` only shape the image.
 */
export function buildSectionPowers(
  field: string,
  where: string,
  build: unknown,
  hostPath: HostPathCheck,
): HostPower[] {
  const at = `${where}: build`;
  if (typeof build === 'string') return hostPath(at, build);
  if (!isObject(build)) return [];
  const powers: HostPower[] = [];
  const flag = (power: HostPowerKind, detail: string) =>
    powers.push({ power, field, detail: `${at}: ${detail}` });
  const context = typeof build.context === 'string' ? build.context : '.';
  powers.push(...hostPath(at, context));
  if (typeof build.dockerfile === 'string') {
    const dockerfile = build.dockerfile.startsWith('/')
      ? build.dockerfile
      : `${context.replace(/\/+$/, '')}/${build.dockerfile}`;
    powers.push(...hostPath(`${at}: dockerfile`, dockerfile));
  }
  for (const source of additionalContexts(build.additional_contexts)) {
    if (!NOT_A_FOLDER.test(source)) powers.push(...hostPath(`${at}: additional_contexts`, source));
  }
  for (const entry of list(build.ssh)) {
    const detail = `ssh ${describe(entry)} lends the build the host's SSH agent or keys`;
    powers.push({ power: 'bind_mount', field, detail: `${at}: ${detail}` });
  }
  const network = build.network;
  if (typeof network === 'string' && (network === 'host' || network.includes('$')))
    flag('host_namespaces', `uses the host's network (network: ${network})`);
  if (build.privileged === true || typeof build.privileged === 'string')
    flag('privileged', `privileged: ${String(build.privileged)}`);
  for (const entitlement of list(build.entitlements))
    flag('security_options', `entitlements ${describe(entitlement)}`);
  return powers;
}

/** Top-level `secrets` and `configs` with `environment:` read the agent's own environment. */
export function environmentSourcePowers(field: string, where: string, entry: unknown): HostPower[] {
  if (!isObject(entry) || typeof entry.environment !== 'string') return [];
  const detail = `${where}: reads the agent's environment variable ${entry.environment}`;
  return [{ power: 'host_namespaces', field, detail }];
}

/** `additional_contexts` as a map or as `name=source` lines. */
function additionalContexts(value: unknown): string[] {
  if (isObject(value)) return Object.values(value).map(String);
  return list(value)
    .filter((line): line is string => typeof line === 'string')
    .map((line) => line.slice(line.indexOf('=') + 1));
}

const describe = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
