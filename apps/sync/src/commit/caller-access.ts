import {
  atLeast,
  effectivePermission,
  forbidden,
  type PermissionLevel,
  type Resource,
  type UserGroup,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/**
 * What the user a sync writes for may see and do, decided as the gateway's Principal decides it
 * (effectivePermission): the sync service writes files that user can then read, so it writes
 * only what they may read, and needs Write on the sync itself (a procedure's stage included).
 */
export class CallerAccess {
  constructor(
    private readonly readModel: ReadModel,
    private readonly userId: string,
  ) {}

  get isAdmin(): boolean {
    const user = this.readModel.identity.user(this.userId);
    return !!user && user.enabled && user.admin;
  }

  can(resource: Resource, level: PermissionLevel): boolean {
    const user = this.readModel.identity.user(this.userId);
    if (!user || !user.enabled) return false;
    const groups = this.readModel.identity.groupGrants(this.userId);
    return atLeast(
      effectivePermission(user, groups, resource.kind, resource.id, resource.basePermission),
      level,
    );
  }

  /** Refused as the gateway refuses it (403) when the user lacks Write on the sync. */
  requireWrite(sync: Resource<'ResourceSync'>, request: string): void {
    if (!this.can(sync, 'Write'))
      throw forbidden(`${request}: Write permission on ResourceSync '${sync.name}' is needed`);
  }

  /** The groups the user may list: an admin all, anyone else their own (ListUserGroups). */
  groups(): UserGroup[] {
    return this.isAdmin
      ? this.readModel.identity.allGroups()
      : this.readModel.identity.groupsOf(this.userId);
  }
}
