import type {
  AwsBuilderConfigDto,
  BuildConfig,
  BuilderConfig,
  RepoConfig,
  ServerBuilderConfigDto,
  UrlBuilderConfigDto,
} from '@monitor/contracts';
import { GIT } from './common';

export const REPO_HELP: Partial<Record<keyof RepoConfig, string>> = {
  server_id: 'The Server (name or id) the repo is cloned on.',
  builder_id: 'A Builder (name or id) on which a repo build clones the repo and runs its commands.',
  ...GIT,
  path: "Folder to clone into: absolute, or relative to the agent's repo directory; empty for the default.",
  webhook_enabled: 'Let git webhooks clone, pull or build the repo on a push.',
  on_clone: 'Shell command run after a clone: { path, command }, path relative to the repo root.',
  on_pull: 'Shell command run after a pull: { path, command }, path relative to the repo root.',
  links: 'Links shown on the repo page.',
  environment:
    'Written to env_file_path; one VARIABLE=value per line, [[NAME]] is replaced by the variable NAME.',
  env_file_path: 'Where the environment is written, relative to the repo root; .env by default.',
  skip_secret_interp: 'Do not replace [[VARIABLES]] in the environment.',
};

export const BUILD_HELP: Partial<Record<keyof BuildConfig, string>> = {
  builder_id: 'The Builder (name or id) that runs the docker build.',
  version: 'The current version { major, minor, patch }, used to tag the image.',
  auto_increment_version: 'Raise the patch version on every build.',
  image_name: "Name of the pushed image, if not the build's name.",
  image_tag: 'Suffix after the version tag, e.g. aarch64 gives 1.2.3-aarch64; empty for none.',
  include_latest_tag: 'Also push :latest (or :latest-<image_tag>).',
  include_version_tags: 'Also push version tags, e.g. :1.2.3 and :1.2.',
  include_commit_tag: 'Also push a tag with the short commit hash.',
  links: 'Links shown on the build page.',
  linked_repo: 'A Repo (name or id) to take the source from, instead of the git fields.',
  ...GIT,
  webhook_enabled: 'Let the git webhook start a build on a push.',
  files_on_host:
    "Build from files already on the builder's host, found by build_path and dockerfile_path.",
  build_path: 'The build context, relative to the repo root; . is the root.',
  dockerfile_path: 'The Dockerfile, relative to build_path.',
  image_registry:
    'Registries to push to, each { domain, account, organization }; Deployments pull from the first.',
  skip_secret_interp: 'Do not replace [[VARIABLES]] in the build args.',
  use_buildx:
    "Build with `docker buildx build` (not used yet: Monitor builds with the engine's BuildKit).",
  extra_args: 'Extra `docker build` arguments, one per line.',
  pre_build:
    'Shell command run before the build: { path, command }, path relative to the repo, or to the build path when there is none.',
  dockerfile:
    'The Dockerfile written here instead of one in a repo; [[NAME]] is replaced by the variable NAME.',
  build_args:
    'One NAME=value per line, passed as --build-arg; readable in the image with docker inspect.',
  secret_args:
    'One NAME=value per line, given as build secrets (RUN --mount=type=secret,id=NAME); not kept in the image.',
  labels: 'Image labels, one key=value per line.',
};

export const BUILDER_HELP: Partial<Record<keyof BuilderConfig, string>> = {
  type: 'Where builds run: Url (an agent by address), Server (existing Servers) or Aws (an EC2 instance per build).',
  params:
    'Settings of the type: address and passkey for Url, server_ids for Server, the instance for Aws.',
};

type BuilderParams = AwsBuilderConfigDto & ServerBuilderConfigDto & UrlBuilderConfigDto;

/** A Builder's params, whichever its type: the fields of the three variants share no name in conflict. */
export const BUILDER_PARAM_HELP: Partial<Record<keyof BuilderParams, string>> = {
  server_ids: 'The Servers whose agents build; later ones take builds when earlier ones are busy.',
  address: "The agent's address, e.g. https://10.0.0.5:8120.",
  passkey: "The agent's passkey; answered as ***** once set, a new one is typed unseen.",
  insecure_tls: "Accept the agent's certificate without checking it (pinned at the first call).",
  periphery_public_key: "The agent's public key expected; empty checks none.",
  region: 'The AWS region the instance is launched in, e.g. eu-west-1.',
  instance_type: 'The EC2 instance type, e.g. c5.2xlarge.',
  ami_id: 'The image launched (ami-...); it needs Docker, the agent is started by the user data.',
  subnet_id: 'The subnet (subnet-...) the instance is launched in.',
  security_group_ids:
    'Security groups (sg-...), one per line; one must let the core reach the port.',
  key_pair_name: 'The EC2 key pair to allow SSH with; empty for none.',
  volume_gb: 'Size of the root volume in GB.',
  assign_public_ip: 'Give the instance a public IP (to reach registries and git hosts).',
  use_public_ip: 'Reach the agent on its public IP rather than its private one.',
  port: 'The port the agent listens on.',
  use_https: 'Call the agent over https.',
  user_data: 'Run at the first boot before the agent starts, e.g. to install Docker.',
  git_providers: 'Git accounts available on the image, as JSON.',
  image_registries: 'Registry accounts available on the image, as JSON.',
  secrets: 'Names of the secrets the image holds (not their values).',
};
