import {
  atLeast,
  effectivePermission,
  isResourceKind,
  kindOfStream,
  type PermissionLevel,
  type Resource,
  type ResourceKind,
  type User,
} from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from './read-model';

/** Who an event is shown to: the gateway's Principal fits, and so does `viewerOf`. */
export interface EventViewer {
  readonly isAdmin: boolean;
  readonly user: Pick<User, 'enabled'>;
  can(resource: Pick<Resource, 'kind' | 'id' | 'basePermission'>, needed: PermissionLevel): boolean;
}

/**
 * A user as an event viewer, from the read model now: for what is done in their name later
 * than a request (an outgoing webhook delivered as its owner may see it). Undefined once the
 * user is gone.
 */
export function viewerOf(readModel: ReadModel, userId: string): EventViewer | undefined {
  const user = readModel.identity.user(userId);
  if (!user) return undefined;
  const groups = readModel.identity.groupGrants(userId);
  return {
    isAdmin: user.admin && user.enabled,
    user,
    can: (resource, needed) =>
      atLeast(
        effectivePermission(user, groups, resource.kind, resource.id, resource.basePermission),
        needed,
      ),
  };
}

/**
 * Who may follow which events: admins all; others the events of resources whose history they
 * may read (Read on it now, or on it as it was deleted; with their server status and alerts),
 * and tags. Users, groups, variables, accounts and name reservations are admin business.
 */
export function viewerMaySeeEvent(
  viewer: EventViewer,
  event: Pick<StoredEvent, 'stream'>,
  readModel: ReadModel,
): boolean {
  if (viewer.isAdmin) return true;
  if (!viewer.user.enabled) return false;
  if (event.stream.startsWith('tag-')) return true;
  const about = eventResource(event, readModel);
  if (!about) return false;
  const resource =
    readModel.resourceById(about.kind, about.id) ??
    readModel.deleted.get(about.kind, about.id)?.resource;
  return resource !== undefined && viewer.can(resource, 'Read');
}

/** The resource an event is about: its own stream, its observed status, its alerts. */
export function eventResource(
  event: Pick<StoredEvent, 'stream'>,
  readModel: ReadModel,
): { kind: ResourceKind; id: string } | undefined {
  const id = event.stream.slice(event.stream.indexOf('-') + 1);
  if (event.stream.startsWith('serverstatus-')) return { kind: 'Server', id };
  if (event.stream.startsWith('deploymentstatus-')) return { kind: 'Deployment', id };
  if (event.stream.startsWith('stackstatus-')) return { kind: 'Stack', id };
  if (event.stream.startsWith('alert-')) {
    const target = readModel.alerts.alert(id)?.target;
    return target && isResourceKind(target.type) ? { kind: target.type, id: target.id } : undefined;
  }
  const kind = kindOfStream(event.stream);
  return kind ? { kind, id } : undefined;
}
