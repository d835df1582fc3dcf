import {
  DEFAULT_BRANCH,
  DEFAULT_GIT_PROVIDER,
  defaultSystemCommand,
  type ReferenceSpec,
  type SystemCommand,
} from '../resources/configs/common';

export const STACK_FILE_REQUIRES = ['Redeploy', 'Restart', 'None'] as const;
export type StackFileRequires = (typeof STACK_FILE_REQUIRES)[number];

/** Compose subcommands (and Swarm's `deploy`) that Komodo allows the command wrapper on. */
export const COMPOSE_WRAPPER_SUBCOMMANDS = [
  'config',
  'build',
  'pull',
  'up',
  'run',
  'deploy',
] as const;

export interface AdditionalEnvFile {
  path: string;
  /** Whether the contents are read, shown and diffed; otherwise only passed to compose. */
  track: boolean;
}

export interface StackFileDependency {
  path: string;
  services: string[];
  requires: StackFileRequires;
}

export interface StackConfig {
  /** Komodo's Swarm mode; Monitor has no Swarm kind, so the field is kept but not resolved. */
  swarm_id: string;
  server_id: string;
  links: string[];
  project_name: string;
  auto_pull: boolean;
  run_build: boolean;
  poll_for_updates: boolean;
  auto_update: boolean;
  auto_update_all_services: boolean;
  auto_update_skip_services: string[];
  destroy_before_deploy: boolean;
  skip_secret_interp: boolean;
  linked_repo: string;
  git_provider: string;
  git_https: boolean;
  git_account: string;
  repo: string;
  branch: string;
  commit: string;
  clone_path: string;
  reclone: boolean;
  webhook_enabled: boolean;
  webhook_secret: string;
  webhook_force_deploy: boolean;
  files_on_host: boolean;
  run_directory: string;
  /** Empty means `compose.yaml`. */
  file_paths: string[];
  env_file_path: string;
  additional_env_files: AdditionalEnvFile[];
  config_files: StackFileDependency[];
  send_alerts: boolean;
  registry_provider: string;
  registry_account: string;
  pre_deploy: SystemCommand;
  post_deploy: SystemCommand;
  extra_args: string[];
  build_extra_args: string[];
  compose_cmd_wrapper: string;
  compose_cmd_wrapper_include: string[];
  ignore_services: string[];
  file_contents: string;
  environment: string;
}

export function defaultStackConfig(): StackConfig {
  return {
    swarm_id: '',
    server_id: '',
    links: [],
    project_name: '',
    auto_pull: true,
    run_build: false,
    poll_for_updates: false,
    auto_update: false,
    auto_update_all_services: false,
    auto_update_skip_services: [],
    destroy_before_deploy: false,
    skip_secret_interp: false,
    linked_repo: '',
    git_provider: DEFAULT_GIT_PROVIDER,
    git_https: true,
    git_account: '',
    repo: '',
    branch: DEFAULT_BRANCH,
    commit: '',
    clone_path: '',
    reclone: false,
    webhook_enabled: true,
    webhook_secret: '',
    webhook_force_deploy: false,
    files_on_host: false,
    run_directory: '',
    file_paths: [],
    env_file_path: '.env',
    additional_env_files: [],
    config_files: [],
    send_alerts: true,
    registry_provider: '',
    registry_account: '',
    pre_deploy: defaultSystemCommand(),
    post_deploy: defaultSystemCommand(),
    extra_args: [],
    build_extra_args: [],
    compose_cmd_wrapper: '',
    compose_cmd_wrapper_include: [],
    ignore_services: [],
    file_contents: '',
    environment: '',
  };
}

export const STACK_REFERENCES: ReferenceSpec[] = [
  { path: ['server_id'], kind: 'Server' },
  { path: ['linked_repo'], kind: 'Repo' },
];

export const STACK_SECRETS: string[][] = [['webhook_secret']];
