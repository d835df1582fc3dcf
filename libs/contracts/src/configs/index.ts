export {
  ImageRegistryConfigDto,
  MaintenanceWindowDto,
  SystemCommandDto,
  VersionDto,
} from './common.dto';
export * from './server.config.dto';
export * from './deployment.config.dto';
export * from './stack.config.dto';
export * from './repo.config.dto';
export * from './build.config.dto';
export * from './builder.config.dto';
export * from './procedure.config.dto';
export * from './action.config.dto';
export * from './resource-sync.config.dto';
export * from './alerter.config.dto';
export * from './server-template.config.dto';
export { type FieldError } from './field-errors';
export { IsRelativeSafePath, relativePathProblem } from './relative-path';
export { CONFIG_DTOS, type ValidateConfigResult, validateConfig } from './validate-config';
export { isFlatConfig } from './flat-check';
export {
  GitBranch,
  GitCommit,
  GitProvider,
  GitRepo,
  ImageReference,
  ProjectName,
} from './runtime-fields';
export { type AliasesResolved, type AliasRename, aliasesOf, resolveAliases } from './aliases';
