import {
  RESOURCE_KINDS,
  type DeclaredResource,
  type DeclaredSet,
  type ExportNames,
  type Resource,
  type ResourceKind,
  type UserGroup,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../api-error';

/** The read model's ids written as the names a TOML file gives. */
export function exportNames(readModel: ReadModel): ExportNames {
  return {
    resource: (kind, id) => readModel.resourceById(kind, id)?.name,
    tag: (id) => readModel.tag(id)?.name,
    user: (id) => readModel.identity.user(id)?.username,
  };
}

/** Every resource the caller may read, carrying each of `tags` (names or ids) when given. */
export function readableResources(
  readModel: ReadModel,
  principal: Principal,
  tags: readonly string[] = [],
): Resource[] {
  const tagIds = tags.map((name) => {
    const tag = readModel.tag(name);
    if (!tag) throw new ApiError(400, `tags: no tag has the name or id '${name}'`, 'INVALID');
    return tag.id;
  });
  return RESOURCE_KINDS.flatMap((kind) => readModel.list(kind) as Resource[]).filter(
    (resource) =>
      tagIds.every((id) => resource.tags.includes(id)) && principal.can(resource, 'Read'),
  );
}

/** Each target, refused as Komodo refuses it: 404 when there is none, 403 when not readable. */
export function targetResources(
  readModel: ReadModel,
  principal: Principal,
  targets: readonly { type: ResourceKind; id: string }[],
): Resource[] {
  return targets.map(({ type, id }) => {
    const resource = readModel.resource(type, id) as Resource | undefined;
    if (!resource)
      throw new ApiError(404, `targets: no ${type} has the name or id '${id}'`, 'NOT_FOUND');
    if (!principal.can(resource, 'Read'))
      throw new ApiError(
        403,
        `targets: user '${principal.user.username}' may not read ${type} '${resource.name}'`,
        'FORBIDDEN',
      );
    return resource;
  });
}

/** The groups the caller may list (an admin: all; others: their own), those named if given. */
export function listableGroups(
  readModel: ReadModel,
  principal: Principal,
  named?: readonly string[],
): UserGroup[] {
  const groups = principal.isAdmin
    ? readModel.identity.allGroups()
    : readModel.identity.groupsOf(principal.id);
  return named ? groups.filter((g) => named.includes(g.name) || named.includes(g.id)) : groups;
}

const TABLES: Partial<Record<string, ResourceKind>> = {
  deployments: 'Deployment',
  stacks: 'Stack',
};

/**
 * Komodo's `existing` (a ResourcesToml): as Komodo, only the `deploy` and `after` of its
 * deployments and stacks are kept in the export.
 */
export function existingMeta(existing: Record<string, unknown> | undefined): DeclaredSet {
  const resources: DeclaredResource[] = [];
  for (const [table, kind] of Object.entries(TABLES)) {
    const list = existing?.[table];
    if (!kind || !Array.isArray(list)) continue;
    for (const item of list as Record<string, unknown>[]) {
      if (typeof item?.name !== 'string') continue;
      const after = Array.isArray(item.after)
        ? item.after.filter((a): a is string => typeof a === 'string')
        : [];
      resources.push({
        kind,
        name: item.name,
        deploy: item.deploy === true,
        after,
        config: {},
        source: { file: '', line: 0 },
        lines: {},
      });
    }
  }
  return { resources, variables: [], userGroups: [] };
}
