import type { Types } from 'komodo_client';
import type { FieldChange, PermissionLevel, ResourceKind } from '@monitor/domain';
import type { ContainerHealth } from './agent-answers';

/*
 * The answers of Monitor's own requests (Komodo has no type for them), and Komodo's where
 * Monitor's are narrower. Komodo's other requests answer komodo_client's types.
 */

/**
 * What an Update or an Alert is about: one of Monitor's kinds, or the System. Komodo's
 * ResourceTarget also names kinds Monitor has not yet (Swarm, Action), which Monitor never answers.
 */
export type MonitorTarget = Extract<Types.ResourceTarget, { type: ResourceKind | 'System' }>;

/** One Update of `ListUpdates` and `/ws/update`: Komodo's, its target one of Monitor's. */
export type UpdateListItem = Omit<Types.UpdateListItem, 'target'> & { target: MonitorTarget };

/** `ListUpdates`: a page of Updates, newest first. */
export type UpdatesPage = Omit<Types.ListUpdatesResponse, 'updates'> & {
  updates: UpdateListItem[];
};

/** `GetUpdate`: Komodo's Update, its target one of Monitor's. */
export type Update = Omit<Types.Update, 'target'> & { target: MonitorTarget };

/**
 * `ListAlerts`, `GetAlert`: Komodo's Alert, with the id Monitor always answers required, its
 * target one of Monitor's.
 */
export type AlertAnswer = Omit<Types.Alert, '_id' | 'target'> & {
  _id: Types.MongoId;
  target: MonitorTarget;
};

/** `ListAlerts`: a page of Alerts, newest first. */
export type AlertsPage = Omit<Types.ListAlertsResponse, 'alerts'> & { alerts: AlertAnswer[] };

/** `ListTags`, `GetTag`: Komodo's Tag, with the id Monitor always answers required. */
export type TagAnswer = Types.Tag & { _id: Types.MongoId };

/** `ListVariables`, `GetVariable`: Komodo's Variable, every field of which Monitor answers. */
export type VariableAnswer = Required<Types.Variable>;

/**
 * `GetResourceAt`: the resource as it was at a revision. Komodo's Resource, with the id and
 * config Monitor always answers required (Komodo's are optional).
 */
export type ResourceAt = Types.Resource<Record<string, unknown>, unknown> & {
  _id: Types.MongoId;
  config: Record<string, unknown>;
  revision: number;
  deleted: boolean;
};

/**
 * `ListContainers` (and `ListDockerContainers`): Komodo's ContainerListItem (its state as the
 * enum's text), plus Monitor's `health`, so that an unhealthy container is not shown as merely
 * running.
 */
export type ContainerAnswer = Omit<Types.ContainerListItem, 'state'> & {
  state: `${Types.ContainerStateStatusEnum}`;
  health?: ContainerHealth;
};

/**
 * `ListStackServices`: Komodo's StackService, one per service with a container (its state as the
 * enum's text), the container Monitor's ContainerAnswer.
 */
export type StackServiceAnswer = Omit<Types.StackService, 'state' | 'container'> & {
  state: `${Types.StackServiceState}`;
  container?: ContainerAnswer;
};

/** A user's or a group's grant on every resource of a kind: Monitor's levels, per kind. */
export type KindGrants = Partial<Record<ResourceKind, PermissionLevel>>;

/**
 * `ListUsers`, `FindUser`, `GET /user`: Komodo's User with the id and flags Monitor always
 * answers required; `all` holds Monitor's grants per kind (a level, no specifics).
 */
export type UserAnswer = Omit<Types.User, '_id' | 'all'> &
  Required<
    Pick<
      Types.User,
      'enabled' | 'admin' | 'super_admin' | 'create_server_permissions' | 'create_build_permissions'
    >
  > & { _id: Types.MongoId; all: KindGrants };

/** `ListUserGroups`, `GetUserGroup`: Komodo's UserGroup with what Monitor always answers required. */
export type UserGroupAnswer = Omit<Types.UserGroup, '_id' | 'all'> &
  Required<Pick<Types.UserGroup, 'everyone' | 'users'>> & { _id: Types.MongoId; all: KindGrants };

/** One event of `GetResourceHistory`. `diff` is per field for config changes, else the event data. */
export interface HistoryEntry {
  revision: number;
  type: string;
  at: number;
  user: string;
  via: string;
  correlation_id: string;
  causation_id?: string;
  /** What made the change on the user's behalf: a sync at a commit. */
  origin?: { type: string; id: string; commit?: string };
  diff?: Record<string, FieldChange> | Record<string, unknown>;
}

/** `GetVariablePermissions`: who, besides admins, may use a secret variable. */
export interface VariableGrantees {
  name: string;
  is_secret: boolean;
  users: { user_target: Types.UserTarget; name: string }[];
}
