import { isResourceKind, kindOfStream, type ResourceKind } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { canReadHistoryOf } from './history-access';
import type { Principal } from './principal';

/**
 * Who may follow which events: admins all; others the events of resources whose history they
 * may read (with their server status and alerts; by id only, see history-access), and tags.
 * Users, groups, variables, accounts and name reservations are admin business.
 */
export function canSeeEvent(
  principal: Principal,
  event: StoredEvent,
  readModel: ReadModel,
): boolean {
  if (principal.isAdmin) return true;
  if (!principal.user.enabled) return false;
  if (event.stream.startsWith('tag-')) return true;
  const about = resourceOf(event, readModel);
  if (!about) return false;
  return canReadHistoryOf(principal, readModel, about.kind, about.id);
}

/** The resource an event is about: its own stream, its observed status, its alerts. */
export function resourceOf(
  event: StoredEvent,
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
