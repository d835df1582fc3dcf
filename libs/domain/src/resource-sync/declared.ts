import type { ResourceKind } from '../kinds';

/**
 * What a sync's TOML files declare, once read: the shared shape between reading (files to
 * declarations), planning (declarations beside what exists) and writing back (CommitSync).
 */

/** A place in a sync's files; `file` is relative to the sync's root (repository or folder). */
export interface SyncSource {
  file: string;
  /** 1-based. */
  line: number;
}

export type SyncProblemSeverity = 'error' | 'warning';

/** Read as `file:line:field: message`. `field` is a dotted path ('deployment[web].config.image'). */
export interface SyncProblem extends SyncSource {
  field: string;
  severity: SyncProblemSeverity;
  message: string;
}

/** Where each given key stands, by dotted path from the declaration ('config.image', 'tags'). */
export type KeyLines = Record<string, number>;

/**
 * A resource as the files declare it. `config` holds only the keys given, under their canonical
 * names (Komodo aliases resolved, legacy forms converted), checked as a write checks them;
 * references stay as written (names, or ids). An omitted key means Komodo's default, except
 * write-only secrets, which keep their stored value.
 */
export interface DeclaredResource<K extends ResourceKind = ResourceKind> {
  kind: K;
  name: string;
  description?: string;
  tags?: string[];
  template?: boolean;
  /** Deployments and Stacks: deploy when created or when what runs changed. */
  deploy: boolean;
  /** Deployments and Stacks, by name: deploy only after these have. */
  after: string[];
  config: Record<string, unknown>;
  source: SyncSource;
  lines: KeyLines;
}

export interface DeclaredVariable {
  name: string;
  /** Absent on a secret declared without its value: the stored value stays. */
  value?: string;
  description?: string;
  is_secret?: boolean;
  source: SyncSource;
  lines: KeyLines;
}

export interface DeclaredPermission {
  target: { type: string; id: string };
  level?: string;
  specific?: string[];
}

export interface DeclaredUserGroup {
  name: string;
  everyone?: boolean;
  users?: string[];
  all?: Record<string, unknown>;
  permissions?: DeclaredPermission[];
  source: SyncSource;
  lines: KeyLines;
}

export interface DeclaredSet {
  resources: DeclaredResource[];
  variables: DeclaredVariable[];
  userGroups: DeclaredUserGroup[];
}

/** A file as a sync reads it. */
export interface SyncFile {
  path: string;
  contents: string;
}
