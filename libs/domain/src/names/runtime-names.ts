import { collectContainerName } from '../deployment/container-name';
import type { ResourceKind } from '../kinds';

/**
 * What a Deployment or a Stack names on its server: a container, a compose project. Two
 * resources naming the same one would act on each other's containers, so these names are
 * reserved per server, as resource names are per kind (reservation streams).
 */
export interface RuntimeNameClaim {
  /** The reservation's category: one per server and sort of name. */
  category: string;
  name: string;
  /** For people: `container name`, `compose project`. */
  what: string;
  /** The config field that sets it. */
  field: string;
}

interface Claimant {
  name: string;
  /** A Deployment's or a Stack's config, or a patch of one (any kind's config names nothing). */
  config: object;
}

/** The fields of a Deployment's or a Stack's config that name something on its server. */
export interface NamingFields {
  server_id: string;
  custom_name: string;
  project_name: string;
  network: string;
}

/**
 * The naming fields of a config or of a patch, as text ('' when absent): a patch gives some of
 * them, and the configs of other kinds have none, so each is read as whatever is there.
 */
export function namingFields(config: object): NamingFields {
  const text = (field: keyof NamingFields) => String(Reflect.get(config, field) ?? '');
  return {
    server_id: text('server_id'),
    custom_name: text('custom_name'),
    project_name: text('project_name'),
    network: text('network'),
  };
}

export function containerNameCategory(serverId: string): string {
  return `server.${serverId}.container`;
}

export function projectNameCategory(serverId: string): string {
  return `server.${serverId}.project`;
}

/** Compose's project of a Stack: `project_name`, else its name as compose accepts it. */
export function stackProjectName(stack: { id: string } & Claimant): string {
  const given = namingFields(stack.config).project_name.trim();
  return (
    given ||
    stack.name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_')
      .replace(/^[^a-z0-9]+/, '') ||
    stack.id
  );
}

/**
 * The names a resource holds on its server while it is configured so: none without a server,
 * nor for a container name that is not valid (the write is refused for that anyway).
 */
export function runtimeNameClaims(
  kind: ResourceKind,
  resource: { id: string } & Claimant,
): RuntimeNameClaim[] {
  const fields = namingFields(resource.config);
  const serverId = fields.server_id.trim();
  if (!serverId) return [];
  if (kind === 'Deployment') {
    const custom = fields.custom_name;
    const { value, errors } = collectContainerName(custom, resource.name);
    if (errors.length) return [];
    const field = custom.trim() ? 'custom_name' : 'name';
    return [
      { category: containerNameCategory(serverId), name: value, what: 'container name', field },
    ];
  }
  if (kind === 'Stack') {
    const field = fields.project_name.trim() ? 'project_name' : 'name';
    return [
      {
        category: projectNameCategory(serverId),
        name: stackProjectName(resource),
        what: 'compose project',
        field,
      },
    ];
  }
  return [];
}

/** The claims of `claims` that `others` does not hold too: what a change gives up or gains. */
export function claimsNotIn(
  claims: RuntimeNameClaim[],
  others: RuntimeNameClaim[],
): RuntimeNameClaim[] {
  return claims.filter((c) => !others.some((o) => sameClaim(o, c)));
}

function sameClaim(a: RuntimeNameClaim, b: RuntimeNameClaim): boolean {
  return a.category === b.category && a.name === b.name;
}

/** Who holds a runtime name, as the reservation records it: the resource's kind and id. */
export function runtimeNameHolder(kind: ResourceKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseRuntimeNameHolder(holder: string): { kind: string; id: string } {
  const at = holder.indexOf(':');
  return at < 0
    ? { kind: '', id: holder }
    : { kind: holder.slice(0, at), id: holder.slice(at + 1) };
}
