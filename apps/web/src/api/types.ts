import type {
  AlertAnswer,
  ExecutionLog,
  MonitorTarget,
  PermissionLevel,
  ResourceKind,
  SpecificPermission,
  Update,
  UpdateListItem,
} from '@monitor/contracts';

/*
 * The gateway's answers as the UI reads them: the catalogue's answer types where the web reads
 * them already, else Komodo's shapes as the gateway builds them
 * (`apps/gateway/src/api/komodo-shapes.ts`). Everything comes from `@monitor/contracts`, types
 * only.
 */

export type {
  ExecutionLog,
  MonitorTarget,
  PermissionLevel,
  ResourceKind,
  SpecificPermission,
  Update,
  UpdateListItem,
};

/** Komodo's Alert as `ListAlerts` answers it. */
export type Alert = AlertAnswer;

export interface Oid {
  $oid: string;
}

export interface ResourceListItem {
  id: string;
  type: ResourceKind;
  name: string;
  tags: string[];
  info: { state?: string; status?: string; [field: string]: unknown };
}

export type Config = Record<string, unknown>;

export interface Resource {
  _id: Oid;
  name: string;
  description: string;
  tags: string[];
  config: Config;
  base_permission: PermissionLevel;
  updated_at: number;
}

export interface User {
  _id: Oid;
  username: string;
  enabled: boolean;
  admin: boolean;
  create_server_permissions: boolean;
  create_build_permissions: boolean;
  /** The user's own grant per kind (groups' grants not included). */
  all?: Partial<Record<ResourceKind, PermissionLevel>>;
}

/**
 * Komodo's `Get<Kinds>Summary`: how many of a kind the user may read, by state (Servers:
 * healthy, warning, unhealthy, disabled; Deployments: running, stopped, not_deployed, …).
 */
export type KindSummary = { total: number } & Record<string, number>;

/** Komodo's UserGroup as `ListUserGroups` answers it. */
export interface UserGroup {
  _id: Oid;
  name: string;
  /** Whether every user is a member, listed or not. */
  everyone: boolean;
  /** Member user ids. */
  users: string[];
  /** The group's grant per kind. */
  all?: Partial<Record<ResourceKind, PermissionLevel>>;
}

/** Komodo's UserTarget: who a grant is for. */
export interface UserTarget {
  type: 'User' | 'UserGroup';
  id: string;
}
