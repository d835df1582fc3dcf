import type { ResourceKind } from '../../kinds';

/**
 * A config field that names another resource. The value at `path` is a string, or an array of
 * strings each naming one resource (Builder `params.server_ids`). It holds a name or an id on
 * write and the id once stored. `when` restricts the reference to one variant of a tagged union.
 */
export type ReferenceSpec = {
  path: string[];
  kind: ResourceKind;
  when?: { path: string[]; equals: string };
};

/** In a secret path, this segment stands for every element of an array. */
export const EACH = '*';

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

export interface SystemCommand {
  path: string;
  command: string;
  shell_mode: boolean;
}

export interface ImageRegistryConfig {
  domain: string;
  account: string;
  organization: string;
}

export const MAINTENANCE_SCHEDULE_TYPES = ['Daily', 'Weekly', 'OneTime'] as const;
export type MaintenanceScheduleType = (typeof MAINTENANCE_SCHEDULE_TYPES)[number];

export interface MaintenanceWindow {
  name: string;
  description: string;
  schedule_type: MaintenanceScheduleType;
  /** Komodo types this as a string; its server accepts the English day names. */
  day_of_week: string;
  /** YYYY-MM-DD, for OneTime windows. */
  date: string;
  hour: number;
  minute: number;
  duration_minutes: number;
  timezone: string;
  enabled: boolean;
}

/** Komodo's ResourceTarget types, which include kinds Monitor lacks (Swarm, Action, System). */
export const RESOURCE_TARGET_TYPES = [
  'System',
  'Swarm',
  'Server',
  'Stack',
  'Deployment',
  'Build',
  'Repo',
  'Procedure',
  'Action',
  'Builder',
  'Alerter',
  'ResourceSync',
] as const;
export type ResourceTargetType = (typeof RESOURCE_TARGET_TYPES)[number];

export interface ResourceTarget {
  type: ResourceTargetType;
  id: string;
}

export function defaultVersion(): Version {
  return { major: 0, minor: 0, patch: 0 };
}

export function defaultSystemCommand(): SystemCommand {
  return { path: '', command: '', shell_mode: false };
}

/** Komodo's git defaults, shared by Stack, Build, Repo and ResourceSync. */
export const DEFAULT_GIT_PROVIDER = 'github.com';
export const DEFAULT_BRANCH = 'main';
/** The periphery agent's default port. */
export const DEFAULT_PERIPHERY_PORT = 8120;
