import { posix } from 'node:path';
import {
  collectComposeBuildArgs,
  composeBuildWordErrors,
  invalid,
  stackProjectName,
  type Resource,
  type StackConfig,
  type StackFileDependency,
} from '@monitor/domain';

/** How long a stack's agent request may take: compose pulls and builds can be slow. */
export const AGENT_TIMEOUT = 10 * 60_000;

/** Where a stack's compose files come from. */
export type StackMode = 'ui' | 'git' | 'host';

/** Where the files are in the stack's folder on its server, relative to that folder. */
export interface StackLayout {
  mode: StackMode;
  /** Where compose runs; the files and the env file are relative to it. */
  run_directory: string;
  files: string[];
  env_file: string;
  /** `additional_env_files`, in order; those tracked are read and diffed like compose files. */
  env_files: string[];
  tracked_env_files: string[];
  /** `config_files`: read and diffed; a change does what each `requires`. */
  config_files: StackFileDependency[];
}

type StackFilesConfig = Pick<
  StackConfig,
  | 'file_contents'
  | 'repo'
  | 'linked_repo'
  | 'files_on_host'
  | 'run_directory'
  | 'file_paths'
  | 'env_file_path'
  | 'additional_env_files'
  | 'config_files'
>;

const DEFAULT_COMPOSE_FILE = 'compose.yaml';
const DEFAULT_ENV_FILE = '.env';

/**
 * As in Komodo: files on the host win, then a git repository (the stack's own, or that of its
 * `linked_repo`), else the compose text written
 * in the UI. UI text is one `compose.yaml` at the top of the stack's folder.
 */
export function stackLayout(stack: Resource<'Stack'>): StackLayout {
  const config: StackFilesConfig = stack.config;
  const fromGit = config.repo.trim() || config.linked_repo.trim();
  const mode: StackMode = config.files_on_host ? 'host' : fromGit ? 'git' : 'ui';
  const env_file = config.env_file_path.trim() || DEFAULT_ENV_FILE;
  const additional = config.additional_env_files.filter((f) => f.path.trim());
  const envFiles = {
    env_files: additional.map((f) => f.path.trim()),
    // Komodo's default: an env file given without `track` is tracked.
    tracked_env_files: additional.filter((f) => f.track !== false).map((f) => f.path.trim()),
    config_files: config.config_files
      .map((f) => ({ ...f, path: f.path.trim() }))
      .filter((f) => f.path),
  };
  if (mode === 'ui') {
    return { mode, run_directory: '.', files: [DEFAULT_COMPOSE_FILE], env_file, ...envFiles };
  }
  const files = config.file_paths.map((f) => f.trim()).filter(Boolean);
  return {
    mode,
    run_directory: posix.normalize(config.run_directory.trim() || '.'),
    files: files.length ? files : [DEFAULT_COMPOSE_FILE],
    env_file,
    ...envFiles,
  };
}

/** What every compose request of the agent names. */
export function composeTarget(stack: Resource<'Stack'>) {
  const { run_directory, files, env_files } = stackLayout(stack);
  return { stack: stack.id, run_directory, project: stackProjectName(stack), files, env_files };
}

export { repoUrl } from '@monitor/domain';

const COMPOSE_COMMAND = '[[COMPOSE_COMMAND]]';

/**
 * `compose_cmd_wrapper` as the agent takes it, `[[VARIABLES]]` filled around the placeholder;
 * Swarm's `deploy` left out. Nothing when the stack has none.
 */
export function composeWrapper(
  config: Pick<StackConfig, 'compose_cmd_wrapper' | 'compose_cmd_wrapper_include'>,
  fill: (text: string) => string,
): { wrapper?: string; wrap?: string[] } {
  const wrapper = config.compose_cmd_wrapper.trim();
  if (!wrapper) return {};
  return {
    wrapper: wrapper.split(COMPOSE_COMMAND).map(fill).join(COMPOSE_COMMAND),
    wrap: config.compose_cmd_wrapper_include.filter((command) => command !== 'deploy'),
  };
}

/**
 * `run_build` and its `build_extra_args` as the agent takes them: split into words as written
 * (a `[[VARIABLE]]` holds no space), then each word filled, so a secret's spaces or quotes stay
 * one value; the flags are checked again once filled. Nothing when the stack builds nothing.
 */
export function composeBuild(
  config: Pick<StackConfig, 'run_build' | 'build_extra_args'>,
  fill: (text: string) => string,
): { run_build?: true; build_extra_args?: string[] } {
  if (!config.run_build) return {};
  const written = collectComposeBuildArgs(config.build_extra_args);
  const words = written.errors.length ? [] : written.value.map(fill);
  const errors = written.errors.length ? written.errors : composeBuildWordErrors(words);
  if (errors.length) {
    throw invalid(errors.map((e) => e.message).join('; '), { field: 'config.build_extra_args' });
  }
  return { run_build: true, build_extra_args: words };
}
