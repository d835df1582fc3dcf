import {
  DEFAULT_BRANCH,
  DEFAULT_GIT_PROVIDER,
  defaultSystemCommand,
  type ReferenceSpec,
  type SystemCommand,
} from '../resources/configs/common';

export interface RepoConfig {
  server_id: string;
  builder_id: string;
  git_provider: string;
  git_https: boolean;
  git_account: string;
  repo: string;
  branch: string;
  commit: string;
  path: string;
  webhook_enabled: boolean;
  webhook_secret: string;
  on_clone: SystemCommand;
  on_pull: SystemCommand;
  links: string[];
  environment: string;
  env_file_path: string;
  skip_secret_interp: boolean;
}

export function defaultRepoConfig(): RepoConfig {
  return {
    server_id: '',
    builder_id: '',
    git_provider: DEFAULT_GIT_PROVIDER,
    git_https: true,
    git_account: '',
    repo: '',
    branch: DEFAULT_BRANCH,
    commit: '',
    path: '',
    webhook_enabled: true,
    webhook_secret: '',
    on_clone: defaultSystemCommand(),
    on_pull: defaultSystemCommand(),
    links: [],
    environment: '',
    env_file_path: '.env',
    skip_secret_interp: false,
  };
}

export const REPO_REFERENCES: ReferenceSpec[] = [
  { path: ['server_id'], kind: 'Server' },
  { path: ['builder_id'], kind: 'Builder' },
];

export const REPO_SECRETS: string[][] = [['webhook_secret']];
