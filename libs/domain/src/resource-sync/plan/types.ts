import type { ResourceKind } from '../../kinds';
import type { Resource } from '../../resources/lifecycle/state';
import type { Variable } from '../../variables/variable';
import type { UserGroup } from '../../identity/user-group';
import type { PatternMatch } from '../../procedure/cycles';
import type { ResourceSyncConfig } from '../resource-sync.config';
import type { DeclaredSet, SyncProblem } from '../declared';
import type { SyncLookup } from './lookup';
import type { PlanMemo } from './memo';

export type ChangeAction = 'Create' | 'Update' | 'Delete';

/**
 * One field that differs: `path` is `name`, `description`, `tags`, `template` or a dotted path
 * under `config` (`config.image.params.build_id`); arrays are compared whole. Secret values
 * are shown masked, references and tags by name. `null` on the side that has none (a Create's
 * current, a Delete's proposed).
 */
export interface FieldDiff {
  path: string;
  current: unknown;
  proposed: unknown;
}

/** A resource as the plan compares it: references and tags by name, every config key present. */
export interface ResourceView {
  kind: ResourceKind;
  name: string;
  description: string;
  tags: string[];
  template: boolean;
  /** Secret values as stored (sealed) when kept; masked only in `fields` and renders. */
  config: Record<string, unknown>;
  deploy: boolean;
  after: string[];
}

export interface ResourceChange {
  /** `<Kind>:<name>`: unique in a plan, what `dependsOn` names. */
  key: string;
  kind: ResourceKind;
  name: string;
  action: ChangeAction;
  /** The existing resource's id (Update, Delete). */
  id?: string;
  fields: FieldDiff[];
  current?: ResourceView;
  proposed?: ResourceView;
  /**
   * What to write (Create: the whole config; Update: the top-level keys that differ), with
   * references by name and kept secrets as stored: an applier resolves names as a write does.
   */
  configPatch: Record<string, unknown>;
  /** What to write beside the config: on a Create every one given, on an Update those that differ. */
  metaPatch: { description?: string; tags?: string[]; template?: boolean };
}

export interface VariableProposal {
  name: string;
  /** Absent when the stored value stays (a secret declared without its value). */
  value?: string;
  description: string;
  is_secret: boolean;
}

export interface VariableChange {
  key: string;
  name: string;
  action: ChangeAction;
  fields: FieldDiff[];
  /** As shown: a secret's value masked. */
  current?: VariableProposal;
  proposed?: VariableProposal;
}

export interface PermissionView {
  target: { type: ResourceKind; name: string };
  level: string;
  specific: string[];
}

/** A user group as compared: users by username, `all` and permissions sorted, None left out. */
export interface UserGroupView {
  name: string;
  everyone: boolean;
  users: string[];
  all: Partial<Record<ResourceKind, { level: string; specific: string[] }>>;
  permissions: PermissionView[];
}

export interface UserGroupChange {
  key: string;
  name: string;
  action: ChangeAction;
  id?: string;
  fields: FieldDiff[];
  current?: UserGroupView;
  proposed?: UserGroupView;
}

/** One step of applying, in order; `dependsOn` are steps whose failure skips this one. */
export interface PlanStep {
  key: string;
  action: ChangeAction;
  dependsOn: string[];
  /** The steps that depend on this one directly (their own dependents follow from them). */
  dependents: string[];
}

export interface DeleteGuard {
  /** Deletes in the plan (resources, variables and user groups). */
  deletes: number;
  /** What the sync could delete: the existing resources, variables and groups in its scope. */
  scope: number;
  /** More than 5 deletes or more than a quarter of the scope: RunSync needs confirm_deletes. */
  needsConfirm: boolean;
  /** The files declare nothing at all: the plan deletes nothing, whatever `delete` says. */
  declaresNothing: boolean;
  /** Deletes left out because the files declare nothing. */
  withheld: number;
}

/** Komodo's SyncDeployTarget: targets by name. */
export interface DeployTarget {
  target: { type: 'Deployment' | 'Stack'; id: string };
  reason: string;
  after: { type: 'Deployment' | 'Stack'; id: string }[];
}

export interface SyncPlan {
  resources: ResourceChange[];
  variables: VariableChange[];
  userGroups: UserGroupChange[];
  /** Every change's key in the order to apply: creates and updates by references, deletes reversed. */
  steps: PlanStep[];
  guard: DeleteGuard;
  deploys: DeployTarget[];
  /** Stable hash of the plan as shown (secrets masked): what `pending_hash` carries. */
  hash: string;
  /** What applying would leave wrong, at its place in the files (a reference to a deleted resource). */
  warnings: SyncProblem[];
}

/** `running` and the other states of Komodo's DeploymentState / StackState. */
export type ContainerStateOf = (kind: 'Deployment' | 'Stack', id: string) => string | undefined;

export interface PlanInput {
  declared: DeclaredSet;
  /** Every existing resource (the sync picks its scope among them). */
  resources: (Resource & { template?: boolean })[];
  variables: Variable[];
  userGroups: UserGroup[];
  lookup: SyncLookup;
  sync: { id: string; config: ResourceSyncConfig };
  /** RunSync's `resource_type` and `resources` (names or ids). */
  only?: { kind?: ResourceKind; resources?: string[] };
  /** Whether a stored (sealed) secret holds this plaintext: the caller holds the keys. */
  secretMatches: (stored: unknown, plaintext: string) => boolean;
  /** sha256 hex (or any stable hash) of a string: the domain has no crypto of its own. */
  hash: (text: string) => string;
  /** Komodo's name matcher for user group permission targets (wildcards, `\^regex\$`). */
  matches?: PatternMatch;
  /** A container's state (Komodo: `unknown` never deploys, not `running` always does). */
  containerState?: ContainerStateOf;
  /** The compose file of a running stack whose contents differ from what is deployed. */
  changedComposeFile?: (stackId: string) => string | undefined;
  /** What the caller keeps from one plan to the next (createPlanMemo): the same plan, sooner. */
  memo?: PlanMemo;
}
