import { isResourceKind } from '@monitor/domain';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import type { Principal } from './principal';

/**
 * A user sees an Update when they may read its target. Updates of things that are not
 * resources, or of resources that are gone, are for admins.
 */
export function canSeeUpdate(
  principal: Principal,
  update: UpdateRecord,
  readModel: ReadModel,
): boolean {
  if (principal.isAdmin) return true;
  const { type, id } = update.target;
  if (!isResourceKind(type)) return false;
  const resource = readModel.resource(type, id);
  return resource !== undefined && principal.can(resource, 'Read');
}
