import type { StoredEvent } from '@monitor/eventstore';
import { eventResource, viewerMaySeeEvent, type ReadModel } from '@monitor/projections';
import type { Principal } from './principal';

/**
 * Who may follow which events: admins all; others the events of resources whose history they
 * may read (with their server status and alerts; by id only, see history-access), and tags.
 * The rule itself is libs/projections' `viewerMaySeeEvent`, which the alerter's outgoing
 * webhooks apply to a subscription's owner too.
 */
export function canSeeEvent(
  principal: Principal,
  event: StoredEvent,
  readModel: ReadModel,
): boolean {
  return viewerMaySeeEvent(principal, event, readModel);
}

/** The resource an event is about: its own stream, its observed status, its alerts. */
export const resourceOf = eventResource;
