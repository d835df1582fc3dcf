import { RESOURCE_KINDS, type ResourceKind } from '../../kinds';
import type { ConfigOf } from '../configs/registry';
import type { PermissionLevel } from '../../identity/permission-level';
import type { FieldChange } from '../../shared/diff';
import type { DomainEvent } from '../../shared/domain-event';
import { readResourceEvent } from './events';

/** A resource of kind `K`; the default is any kind, whose config is one of the kinds' configs. */
export interface Resource<K extends ResourceKind = ResourceKind> {
  kind: K;
  id: string;
  name: string;
  description: string;
  tags: string[];
  config: ConfigOf<K>;
  /** What every user may do with it, whatever else they are granted. */
  basePermission: PermissionLevel;
  /** Milliseconds since the epoch, from the events' metadata. */
  createdAt: number;
  updatedAt: number;
  /** Revision of the last event applied (0 = as created). */
  revision: number;
  /**
   * Who last wrote the config (created, copied or changed it): its executions use only the
   * secrets that user may use. Empty when the events say nobody.
   */
  configWriter: string;
}

/** Narrows a resource of any kind to one of `kind`, whose config is then that kind's. */
export function isOfKind<K extends ResourceKind>(
  resource: Resource,
  kind: K,
): resource is Resource<K> {
  return resource.kind === kind;
}

export type ResourceState =
  | { status: 'Empty' }
  | { status: 'Active'; resource: Resource }
  | { status: 'Deleted'; resource: Resource };

export const initialResourceState = (): ResourceState => ({ status: 'Empty' });

/** An event as evolve sees it: the store's revision, time and author when known. */
export interface EvolvingEvent extends DomainEvent {
  revision?: number;
  at?: number;
  /** The user id of the event's metadata. */
  by?: string;
}

export function evolveResource(state: ResourceState, event: EvolvingEvent): ResourceState {
  const read = readResourceEvent(event, RESOURCE_KINDS);
  if (!read) return state;
  const at = event.at ?? 0;
  const revision = event.revision ?? (state.status === 'Empty' ? 0 : state.resource.revision + 1);
  if (read.action === 'Created') {
    return {
      status: 'Active',
      resource: {
        kind: read.kind,
        ...read.data,
        basePermission: 'None',
        createdAt: at,
        updatedAt: at,
        revision,
        configWriter: event.by ?? '',
      },
    };
  }
  if (state.status !== 'Active') return state;
  const resource = { ...state.resource, updatedAt: at, revision };
  switch (read.action) {
    case 'ConfigUpdated': {
      const config = withChanges(resource.config, read.data.diff);
      const configWriter = event.by ?? resource.configWriter;
      return { status: 'Active', resource: { ...resource, config, configWriter } };
    }
    case 'Renamed':
      return { status: 'Active', resource: { ...resource, name: read.data.to } };
    case 'DescriptionUpdated':
      return { status: 'Active', resource: { ...resource, description: read.data.to } };
    case 'TagsUpdated':
      return { status: 'Active', resource: { ...resource, tags: read.data.to } };
    case 'BasePermissionUpdated':
      return { status: 'Active', resource: { ...resource, basePermission: read.data.to } };
    case 'Deleted':
      return { status: 'Deleted', resource };
  }
}

/** The config with the diff's new values: its fields are the config's (the decider checked). */
function withChanges<C extends object>(config: C, diff: Record<string, FieldChange>): C {
  const next = { ...config };
  for (const [field, change] of Object.entries(diff)) Reflect.set(next, field, change.to);
  return next;
}

/** The state after these events, in order: how any revision is rebuilt. */
export function replayResource(events: Iterable<EvolvingEvent>): ResourceState {
  let state = initialResourceState();
  for (const event of events) state = evolveResource(state, event);
  return state;
}
