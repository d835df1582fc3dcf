/*
 * The domain's shapes that clients see in answers and write in configs, re-exported so that a
 * client (the web UI) depends on the contracts alone, never on the domain's code. The bundle
 * takes types only (apps/web/vite.config.ts); the values below are for the web's unit specs,
 * which check the UI against them, and for clients in Node.
 */
export type {
  ActionConfig,
  Alert,
  AlerterConfig,
  BuildConfig,
  BuilderConfig,
  ChangeAction,
  DeleteGuard,
  DeploymentConfig,
  DeploymentState,
  DeployTarget,
  EnabledExecution,
  ExecutionLog,
  ExecutionStatus,
  FieldChange,
  FieldDiff,
  KindOrder,
  PermissionLevel,
  PlanDiffData,
  PlanResourceDiff,
  ProcedureConfig,
  ProcedureStage,
  RepoConfig,
  ResourceKind,
  ResourceSyncConfig,
  RestartMode,
  ServerConfig,
  ServerTemplateConfig,
  SeverityLevel,
  SpecificPermission,
  SpecificsOfKind,
  StackConfig,
  StackState,
  SyncDiffData,
  SyncFileContents,
  SyncPending,
  SyncProblem,
  TagColor,
  TerminationSignal,
} from '@monitor/domain';

export {
  defaultAwsBuilderConfig,
  defaultServerBuilderConfig,
  defaultUrlBuilderConfig,
  KIND_SPECS,
} from '@monitor/domain';
