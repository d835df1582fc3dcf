/*
 * The domain's shapes that clients see in answers and write in configs, re-exported so that a
 * client (the web UI) depends on the contracts alone, never on the domain's code. Types only:
 * nothing of the domain is loaded through this file.
 */
export type {
  ActionConfig,
  Alert,
  AlerterConfig,
  BuildConfig,
  BuilderConfig,
  DeploymentConfig,
  DeploymentState,
  EnabledExecution,
  ExecutionLog,
  ExecutionStatus,
  FieldChange,
  PermissionLevel,
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
  StackConfig,
  StackState,
  TagColor,
  TerminationSignal,
} from '@monitor/domain';
