import type { SearchCombinator } from '@monitor/domain';

/*
 * What the core sends each agent request. The agent's params schemas (apps/periphery, valibot)
 * validate these fields; the agent's registration checks that each schema takes exactly these.
 */

/** The resource a container or project must belong to (its labels), checked before acting. */
export interface AgentOwner {
  kind: 'Deployment' | 'Stack';
  id: string;
}

export interface RegistryAuth {
  domain: string;
  username: string;
  token: string;
}

export interface ContainerParams {
  name: string;
  owner?: AgentOwner;
}

export interface StopContainerParams extends ContainerParams {
  signal?: string;
  timeSeconds?: number;
}

export interface ContainerLogParams extends ContainerParams {
  tail?: number;
  timestamps?: boolean;
}

export interface LogSearchParams {
  terms: string[];
  combinator?: SearchCombinator;
  invert?: boolean;
}

export interface ContainerLogSearchParams extends ContainerParams, LogSearchParams {
  timestamps?: boolean;
}

export interface PruneParams {
  filters?: { label?: string[]; until?: string };
}

export interface PullImageParams {
  image: string;
  registry?: RegistryAuth;
}

export interface CheckImageUpdateParams {
  container: string;
  owner?: AgentOwner;
  image?: string;
  registry?: RegistryAuth;
}

export interface ContainerSpec {
  cmd?: string[];
  env: string[];
  exposedPorts: Record<string, Record<string, never>>;
  portBindings: Record<string, { HostIp?: string; HostPort?: string }[]>;
  binds: string[];
  labels: Record<string, string>;
  networkMode: string;
  restartPolicy: {
    Name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';
    MaximumRetryCount?: number;
  };
  stopSignal?: string;
  stopTimeout?: number;
  healthcheck?: {
    Test: string[];
    Interval?: number;
    Timeout?: number;
    Retries?: number;
    StartPeriod?: number;
  };
  extras?: { host?: Record<string, unknown>; config?: Record<string, unknown> };
}

export interface DeployContainerParams {
  name: string;
  image: string;
  spec: ContainerSpec;
  owner?: AgentOwner;
  joined_deployment?: string;
}

export interface StackFile {
  path: string;
  contents: string;
}

export interface WriteComposeFilesParams {
  stack: string;
  files: StackFile[];
  env?: StackFile;
}

/** A compose project on the host: its directory (the stack's), files and command. */
export interface ComposeTarget {
  stack: string;
  run_directory?: string;
  project: string;
  files: string[];
  env_file?: string;
  env_files?: string[];
  compose_command?: 'auto' | 'docker compose' | 'docker-compose';
  wrapper?: string;
  wrap?: string[];
}

export interface ComposeServicesParams extends ComposeTarget {
  services?: string[];
}

export interface ComposePullParams extends ComposeServicesParams {
  registry?: RegistryAuth;
}

export interface ComposeStopParams extends ComposeServicesParams {
  /** compose's --timeout, whole seconds. */
  timeout?: number;
}

export interface ComposeUpParams extends ComposePullParams {
  extra_args?: string[];
  timeout?: number;
  /** `compose build` (stage 'Compose Build') before the `up`. */
  run_build?: boolean;
  /** `compose build` flags as words, from the closed list (`--no-cache`, `--build-arg K=V`...). */
  build_extra_args?: string[];
}

export interface ComposeDownParams extends ComposeServicesParams {
  remove_volumes?: boolean;
  remove_orphans?: boolean;
  timeout?: number;
}

/** A project by name only (its containers' labels), the stack's when `stack` is given. */
export interface ComposeProjectParams {
  project: string;
  stack?: string;
  services?: string[];
}

export interface GetComposeLogParams extends ComposeProjectParams {
  tail?: number;
  timestamps?: boolean;
}

export interface SearchComposeLogParams extends ComposeProjectParams, LogSearchParams {}

export interface RunStackCommandParams {
  stack: string;
  path?: string;
  command: string;
  stage: string;
}

export interface CloneOrPullRepoParams {
  stack: string;
  url: string;
  branch?: string;
  commit?: string;
  token?: string;
  username?: string;
  reclone?: boolean;
}
