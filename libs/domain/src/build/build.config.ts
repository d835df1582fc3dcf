import {
  DEFAULT_BRANCH,
  DEFAULT_GIT_PROVIDER,
  defaultSystemCommand,
  defaultVersion,
  type ImageRegistryConfig,
  type ReferenceSpec,
  type SystemCommand,
  type Version,
} from '../resources/configs/common';

export interface BuildConfig {
  builder_id: string;
  version: Version;
  auto_increment_version: boolean;
  image_name: string;
  image_tag: string;
  include_latest_tag: boolean;
  include_version_tags: boolean;
  include_commit_tag: boolean;
  links: string[];
  linked_repo: string;
  git_provider: string;
  git_https: boolean;
  git_account: string;
  repo: string;
  branch: string;
  commit: string;
  webhook_enabled: boolean;
  webhook_secret: string;
  files_on_host: boolean;
  build_path: string;
  dockerfile_path: string;
  /** The first registry is the one attached Deployments pull from. */
  image_registry: ImageRegistryConfig[];
  skip_secret_interp: boolean;
  use_buildx: boolean;
  extra_args: string[];
  pre_build: SystemCommand;
  dockerfile: string;
  build_args: string;
  secret_args: string;
  labels: string;
}

export function defaultBuildConfig(): BuildConfig {
  return {
    builder_id: '',
    version: defaultVersion(),
    auto_increment_version: true,
    image_name: '',
    image_tag: '',
    include_latest_tag: true,
    include_version_tags: true,
    include_commit_tag: true,
    links: [],
    linked_repo: '',
    git_provider: DEFAULT_GIT_PROVIDER,
    git_https: true,
    git_account: '',
    repo: '',
    branch: DEFAULT_BRANCH,
    commit: '',
    webhook_enabled: true,
    webhook_secret: '',
    files_on_host: false,
    build_path: '.',
    dockerfile_path: 'Dockerfile',
    image_registry: [],
    skip_secret_interp: false,
    use_buildx: false,
    extra_args: [],
    pre_build: defaultSystemCommand(),
    dockerfile: '',
    build_args: '',
    secret_args: '',
    labels: '',
  };
}

export const BUILD_REFERENCES: ReferenceSpec[] = [
  { path: ['builder_id'], kind: 'Builder' },
  { path: ['linked_repo'], kind: 'Repo' },
];

/** `secret_args` are docker build secrets: kept out of the image, so out of our logs too. */
export const BUILD_SECRETS: string[][] = [['webhook_secret'], ['secret_args']];
