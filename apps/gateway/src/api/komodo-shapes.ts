import { KIND_SPECS, type Resource, type Tag } from '@monitor/domain';
import { maskPaths, maskSealed } from '@monitor/secrets';
import type { UpdateRecord } from '@monitor/projections';

/** Komodo's answers carry MongoDB-style ids, which its clients read (`_id.$oid`). */
const oid = (id: string) => ({ $oid: id });

export function toKomodoResource(resource: Resource, info: Record<string, unknown> = {}) {
  return {
    _id: oid(resource.id),
    name: resource.name,
    description: resource.description,
    template: false,
    tags: resource.tags,
    // Secrets are never answered, only that one is set. Masked, it is JSON of the kind's fields.
    config: { ...maskPaths(maskSealed(resource.config), KIND_SPECS[resource.kind].secrets) },
    info,
    base_permission: resource.basePermission,
    updated_at: resource.updatedAt,
  };
}

export function toListItem(
  resource: Resource,
  info: Record<string, unknown> = { state: 'Unknown' },
) {
  return {
    id: resource.id,
    type: resource.kind,
    name: resource.name,
    template: false,
    tags: resource.tags,
    info,
  };
}

export function toKomodoTag(tag: Tag) {
  return { _id: oid(tag.id), name: tag.name, owner: tag.owner, color: tag.color };
}

export function toKomodoUpdate(update: UpdateRecord) {
  const { id, position: _position, via: _via, ...rest } = update;
  return { _id: oid(id), ...rest };
}

/** Finds a user's name by id, deleted users included; the identity read model is one. */
export interface UserNames {
  nameOf(id: string): string | undefined;
}

/**
 * As Komodo: `operator` is the user's id, `username` their name. Monitor's own operators
 * (`system`, a webhook) have no user: their id stands as the name.
 */
export function toUpdateListItem(update: UpdateRecord, users: UserNames) {
  return {
    id: update.id,
    operation: update.operation,
    start_ts: update.start_ts,
    success: update.success,
    username: users.nameOf(update.operator) ?? update.operator,
    operator: update.operator,
    target: update.target,
    status: update.status,
  };
}
