import type { ResourceKind } from '../../kinds';
import {
  ACTION_REFERENCES,
  ACTION_SECRETS,
  type ActionConfig,
  defaultActionConfig,
} from '../../action/action.config';
import {
  ALERTER_REFERENCES,
  ALERTER_SECRETS,
  type AlerterConfig,
  defaultAlerterConfig,
} from '../../alerter/alerter.config';
import {
  BUILD_REFERENCES,
  BUILD_SECRETS,
  type BuildConfig,
  defaultBuildConfig,
} from '../../build/build.config';
import {
  BUILDER_REFERENCES,
  BUILDER_SECRETS,
  type BuilderConfig,
  defaultBuilderConfig,
} from '../../builder/builder.config';
import type { ReferenceSpec } from './common';
import {
  DEPLOYMENT_REFERENCES,
  DEPLOYMENT_SECRETS,
  type DeploymentConfig,
  defaultDeploymentConfig,
} from '../../deployment/deployment.config';
import {
  PROCEDURE_REFERENCES,
  PROCEDURE_SECRETS,
  type ProcedureConfig,
  defaultProcedureConfig,
} from '../../procedure/procedure.config';
import {
  REPO_REFERENCES,
  REPO_SECRETS,
  type RepoConfig,
  defaultRepoConfig,
} from '../../repo/repo.config';
import {
  RESOURCE_SYNC_REFERENCES,
  RESOURCE_SYNC_SECRETS,
  type ResourceSyncConfig,
  defaultResourceSyncConfig,
} from '../../resource-sync/resource-sync.config';
import {
  SERVER_REFERENCES,
  SERVER_SECRETS,
  type ServerConfig,
  defaultServerConfig,
} from '../../server/server.config';
import {
  SERVER_TEMPLATE_REFERENCES,
  SERVER_TEMPLATE_SECRETS,
  type ServerTemplateConfig,
  defaultServerTemplateConfig,
} from '../../server-template/server-template.config';
import {
  STACK_REFERENCES,
  STACK_SECRETS,
  type StackConfig,
  defaultStackConfig,
} from '../../stack/stack.config';

interface ConfigByKind {
  Server: ServerConfig;
  Deployment: DeploymentConfig;
  Stack: StackConfig;
  Repo: RepoConfig;
  Build: BuildConfig;
  Builder: BuilderConfig;
  Procedure: ProcedureConfig;
  Action: ActionConfig;
  ResourceSync: ResourceSyncConfig;
  Alerter: AlerterConfig;
  ServerTemplate: ServerTemplateConfig;
}

export type ConfigOf<K extends ResourceKind> = ConfigByKind[K];

export interface KindSpec<C extends object = object> {
  /** A fresh object on every call, so callers may mutate it. */
  defaults: () => C;
  references: ReferenceSpec[];
  /** Paths of secret values; `EACH` ('*') stands for every element of an array. */
  secrets: string[][];
}

/** Typed per kind; still assignable to `Record<ResourceKind, KindSpec>`. */
export const KIND_SPECS: { [K in ResourceKind]: KindSpec<ConfigOf<K>> } = {
  Server: { defaults: defaultServerConfig, references: SERVER_REFERENCES, secrets: SERVER_SECRETS },
  Deployment: {
    defaults: defaultDeploymentConfig,
    references: DEPLOYMENT_REFERENCES,
    secrets: DEPLOYMENT_SECRETS,
  },
  Stack: { defaults: defaultStackConfig, references: STACK_REFERENCES, secrets: STACK_SECRETS },
  Repo: { defaults: defaultRepoConfig, references: REPO_REFERENCES, secrets: REPO_SECRETS },
  Build: { defaults: defaultBuildConfig, references: BUILD_REFERENCES, secrets: BUILD_SECRETS },
  Builder: {
    defaults: defaultBuilderConfig,
    references: BUILDER_REFERENCES,
    secrets: BUILDER_SECRETS,
  },
  Procedure: {
    defaults: defaultProcedureConfig,
    references: PROCEDURE_REFERENCES,
    secrets: PROCEDURE_SECRETS,
  },
  Action: { defaults: defaultActionConfig, references: ACTION_REFERENCES, secrets: ACTION_SECRETS },
  ResourceSync: {
    defaults: defaultResourceSyncConfig,
    references: RESOURCE_SYNC_REFERENCES,
    secrets: RESOURCE_SYNC_SECRETS,
  },
  Alerter: {
    defaults: defaultAlerterConfig,
    references: ALERTER_REFERENCES,
    secrets: ALERTER_SECRETS,
  },
  ServerTemplate: {
    defaults: defaultServerTemplateConfig,
    references: SERVER_TEMPLATE_REFERENCES,
    secrets: SERVER_TEMPLATE_SECRETS,
  },
};
