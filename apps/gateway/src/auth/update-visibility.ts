import { isResourceKind } from '@monitor/domain';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import { canReadHistoryOf } from './history-access';
import type { Principal } from './principal';

/**
 * A user sees an Update when they may read the history of its target, found by id only (see
 * history-access). Updates of things that are not resources are for admins.
 */
export function canSeeUpdate(
  principal: Principal,
  update: UpdateRecord,
  readModel: ReadModel,
): boolean {
  if (principal.isAdmin) return true;
  const { type, id } = update.target;
  return isResourceKind(type) && canReadHistoryOf(principal, readModel, type, id);
}
