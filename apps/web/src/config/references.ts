import type { ResourceKind } from '@monitor/contracts';

/** The kind each reference field names, by field. */
export type ReferenceKinds = Record<string, ResourceKind>;

/**
 * Config fields that name another resource (or several: a Server builder's `server_ids`); the
 * gateway stores ids, the form shows names and searches by name (`reference-inputs.tsx`).
 */
export const REFERENCE_KINDS: ReferenceKinds = {
  server_id: 'Server',
  server_ids: 'Server',
  build_id: 'Build',
  builder_id: 'Builder',
  linked_repo: 'Repo',
};
