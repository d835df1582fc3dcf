import type { Resource, ResourceKind } from '@monitor/domain';
import type { ReadModel, Tombstone } from '@monitor/projections';
import { ApiError } from '../api/api-error';
import type { Principal } from './principal';

/** The resource a history is asked of, live or deleted. */
export interface HistoryTarget {
  resource: Resource | Tombstone;
  deleted: boolean;
}

/**
 * Whose history, revisions, Updates and events these are. Ids come first: a live resource by
 * its id, then a deleted one by its id (never by a name: another resource could take the name,
 * and with it the deleted one's history), then a live resource by its name, as requests take.
 * The access check and the stream read both use the id found here.
 */
export function findHistoryTarget(
  readModel: ReadModel,
  kind: ResourceKind,
  idOrName: string,
): HistoryTarget | undefined {
  const live = readModel.resourceById(kind, idOrName);
  if (live) return { resource: live, deleted: false };
  const deleted = readModel.deleted.get(kind, idOrName);
  if (deleted) return { resource: deleted.resource, deleted: true };
  const named = readModel.resource(kind, idOrName);
  return named && { resource: named, deleted: false };
}

/**
 * Whether the principal may read what happened to the resource with this id: Read on it now,
 * or, once deleted, Read on it as it was deleted (its base permission then, and the grants
 * still held on its id). Admins always.
 */
export function canReadHistoryOf(
  principal: Principal,
  readModel: ReadModel,
  kind: ResourceKind,
  id: string,
): boolean {
  const resource = readModel.resourceById(kind, id) ?? readModel.deleted.get(kind, id)?.resource;
  return resource !== undefined && principal.can(resource, 'Read');
}

/** The target, if the principal may read its history: else 404 (never existed) or 403. */
export function requireHistoryTarget(
  principal: Principal,
  readModel: ReadModel,
  kind: ResourceKind,
  idOrName: string,
): HistoryTarget {
  const target = findHistoryTarget(readModel, kind, idOrName);
  if (!target) {
    throw new ApiError(
      404,
      `no ${kind} has or had the id '${idOrName}', and none has that name (a deleted ${kind} is found by its id only)`,
      'NOT_FOUND',
    );
  }
  if (!principal.can(target.resource, 'Read')) {
    const has = principal.level(target.resource);
    throw new ApiError(
      403,
      target.deleted
        ? `you need Read permission on the deleted ${kind} '${target.resource.id}' as it was deleted (you had ${has})`
        : `you need Read permission on ${kind} '${target.resource.name}' (you have ${has})`,
      'FORBIDDEN',
    );
  }
  return target;
}
