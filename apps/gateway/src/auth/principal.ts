import {
  atLeast,
  effectivePermission,
  effectiveSpecifics,
  type SpecificPermission,
  type Grants,
  type PermissionLevel,
  type Resource,
  type User,
} from '@monitor/domain';
import type { Via } from '@monitor/eventstore';

/** What a permission is decided on: a live resource, or a deleted one's tombstone. */
type Guarded = Pick<Resource, 'kind' | 'id' | 'basePermission'>;

/** Who is calling, with what they may do: built once per request from the read model. */
export class Principal {
  constructor(
    readonly user: User,
    private readonly groups: Grants[],
    readonly via: Via,
  ) {}

  get id(): string {
    return this.user.id;
  }

  get isAdmin(): boolean {
    return this.user.admin && this.user.enabled;
  }

  level(resource: Guarded): PermissionLevel {
    return effectivePermission(
      this.user,
      this.groups,
      resource.kind,
      resource.id,
      resource.basePermission,
    );
  }

  /** The specifics granted on the resource itself (AccessCheck adds what a Server passes on). */
  specifics(resource: Guarded): SpecificPermission[] {
    return effectiveSpecifics(this.user, this.groups, resource.kind, resource.id);
  }

  can(resource: Guarded, needed: PermissionLevel): boolean {
    return atLeast(this.level(resource), needed);
  }
}
