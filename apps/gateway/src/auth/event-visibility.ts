import { kindOfStream } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import type { Principal } from './principal';

/**
 * Who may follow which events: admins all; others the events of resources they may read, and
 * tags. Users, groups, variables, accounts and name reservations are admin business.
 */
export function canSeeEvent(
  principal: Principal,
  event: StoredEvent,
  readModel: ReadModel,
): boolean {
  if (principal.isAdmin) return true;
  if (!principal.user.enabled) return false;
  if (event.stream.startsWith('tag-')) return true;
  const kind = kindOfStream(event.stream);
  if (!kind) return false;
  const resource = readModel.resource(kind, event.stream.slice(event.stream.indexOf('-') + 1));
  return resource !== undefined && principal.can(resource, 'Read');
}
