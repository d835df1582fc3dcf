import type { PermissionLevel } from '../../identity/permission-level';
import type { ResourceKind } from '../../kinds';
import type { FieldChange } from '../../shared/diff';
import type { DomainEvent } from '../../shared/domain-event';

/** What happened to a resource; the event type is `<Kind><Action>`, e.g. `DeploymentRenamed`. */
export const RESOURCE_ACTIONS = [
  'Created',
  'ConfigUpdated',
  'Renamed',
  'DescriptionUpdated',
  'TagsUpdated',
  'BasePermissionUpdated',
  'Deleted',
] as const;

export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];

export interface ResourceCreatedData {
  id: string;
  name: string;
  description: string;
  tags: string[];
  config: Record<string, unknown>;
}
export interface ConfigUpdatedData {
  diff: Record<string, FieldChange>;
}
export interface ChangeData<T> {
  from: T;
  to: T;
}
export interface DeletedData {
  name: string;
}

export interface ResourceEventData {
  Created: ResourceCreatedData;
  ConfigUpdated: ConfigUpdatedData;
  Renamed: ChangeData<string>;
  DescriptionUpdated: ChangeData<string>;
  TagsUpdated: ChangeData<string[]>;
  BasePermissionUpdated: ChangeData<PermissionLevel>;
  Deleted: DeletedData;
}

export type ResourceEvent = {
  [A in ResourceAction]: DomainEvent<`${ResourceKind}${A}`, ResourceEventData[A]>;
}[ResourceAction];

export function resourceEvent<A extends ResourceAction>(
  kind: ResourceKind,
  action: A,
  data: ResourceEventData[A],
): DomainEvent<`${ResourceKind}${A}`, ResourceEventData[A]> {
  return { type: `${kind}${action}`, data };
}

/** Splits `DeploymentConfigUpdated` into its kind and action; undefined for other events. */
export function parseResourceEventType(
  type: string,
  kinds: readonly ResourceKind[],
): { kind: ResourceKind; action: ResourceAction } | undefined {
  for (const action of RESOURCE_ACTIONS) {
    if (!type.endsWith(action)) continue;
    const kind = kinds.find((k) => `${k}${action}` === type);
    if (kind) return { kind, action };
  }
  return undefined;
}
