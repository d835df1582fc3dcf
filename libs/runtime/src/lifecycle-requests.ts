import type { ResourceKind } from '@monitor/domain';

/** The lifecycle requests every kind shares, by Komodo's request names. */
export const LIFECYCLE_WRITES = ['Create', 'Copy', 'Update', 'Rename', 'Delete'] as const;
export type LifecycleWrite = (typeof LIFECYCLE_WRITES)[number];

export const lifecycleRequest = (op: LifecycleWrite, kind: ResourceKind) => `${op}${kind}`;

/** Description and tags of any kind: `UpdateResourceMeta { target, description?, tags? }`. */
export const UPDATE_META = 'UpdateResourceMeta';

/** What a write command carries over the bus, and what it answers. */
export interface CommandEnvelope<P = Record<string, unknown>> {
  params: P;
  meta: import('@monitor/resources').CommandMeta;
}
