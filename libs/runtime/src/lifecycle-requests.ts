import { KIND_REQUESTS, LIFECYCLE_ENTRY, TAG_REQUESTS } from '@monitor/contracts';
import type { ResourceKind } from '@monitor/domain';

/** The lifecycle requests every kind shares, by Komodo's request names. */
export const LIFECYCLE_WRITES = ['Create', 'Copy', 'Update', 'Rename', 'Delete'] as const;
export type LifecycleWrite = (typeof LIFECYCLE_WRITES)[number];

/** The catalogue's name of a kind's lifecycle write. */
export const lifecycleRequest = (op: LifecycleWrite, kind: ResourceKind) =>
  KIND_REQUESTS[kind][LIFECYCLE_ENTRY[op]].name;

/** Description and tags of any kind: `UpdateResourceMeta { target, description?, tags? }`. */
export const UPDATE_META = TAG_REQUESTS.UpdateResourceMeta.name;

/** What a write command carries over the bus, and what it answers. */
export interface CommandEnvelope<P = Record<string, unknown>> {
  params: P;
  meta: import('@monitor/resources').CommandMeta;
}
