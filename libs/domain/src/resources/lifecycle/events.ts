import type { PermissionLevel } from '../../identity/permission-level';
import type { ResourceKind } from '../../kinds';
import type { ConfigOf } from '../configs/registry';
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

/** What a stored resource event holds, as evolve reads it: a Created config is its kind's. */
interface StoredResourceEventData extends Omit<ResourceEventData, 'Created'> {
  Created: Omit<ResourceCreatedData, 'config'> & { config: ConfigOf<ResourceKind> };
}

/** A stored resource event, its data narrowed by its action. */
export type TypedResourceEvent = {
  [A in ResourceAction]: { kind: ResourceKind; action: A; data: StoredResourceEventData[A] };
}[ResourceAction];

/**
 * A stored event as the resource event its type names; undefined for other events. The store
 * answers data as `unknown`: that it is its type's data is the one thing trusted here, since
 * only `decideResource` writes these types (its config checked against the kind's fields), and
 * older versions are upcast on read before they get here.
 */
export function readResourceEvent(
  event: DomainEvent,
  kinds: readonly ResourceKind[],
): TypedResourceEvent | undefined {
  const parsed = parseResourceEventType(event.type, kinds);
  return parsed && ({ ...parsed, data: event.data } as TypedResourceEvent);
}
