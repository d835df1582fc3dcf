import type { ExecutionLog } from '@monitor/domain';
import type {
  ComposeService,
  ComposeUpAnswer,
  ContainerListItem,
  ContainerStats,
  DeployAnswer,
  ImageListItem,
  ImageUpdateAnswer,
  KomodoContainer,
  NetworkListItem,
  PullImageAnswer,
  RepoAnswer,
  StackFileContents,
  SystemInformation,
  SystemProcess,
  SystemStats,
  VolumeListItem,
} from './agent-answers';
import type {
  CheckImageUpdateParams,
  CloneOrPullRepoParams,
  ComposeDownParams,
  ComposePullParams,
  ComposeServicesParams,
  ComposeStopParams,
  ComposeTarget,
  ComposeUpParams,
  ContainerLogParams,
  ContainerLogSearchParams,
  ContainerParams,
  DeployContainerParams,
  GetComposeLogParams,
  PruneParams,
  PullImageParams,
  RunStackCommandParams,
  SearchComposeLogParams,
  StopContainerParams,
  WriteComposeFilesParams,
} from './agent-params';
import type { BuildImageParams, CancelBuildParams } from './agent-build';
import type {
  CancelRepoRunParams,
  GetLatestCommitParams,
  PullOrCloneRepoParams,
} from './agent-repo';

/**
 * One request a server's agent answers (`POST /` with `{ type: name, params }`, signed by the
 * core): its Komodo periphery name, what it takes and what it answers. Only the name exists at
 * run time; the params and answer are types, for the agent's handler and the core's call alike.
 */
export interface AgentEntry<N extends string = string, P = unknown, A = unknown> {
  readonly name: N;
  /** Never set: carries the params' type. */
  readonly params?: P;
  /** Never set: carries the answer's type. */
  readonly answer?: A;
}

export type AgentParamsOf<E> = E extends AgentEntry<string, infer P, unknown> ? P : never;
export type AgentAnswerOf<E> = E extends AgentEntry<string, unknown, infer A> ? A : never;

/** Requests that take nothing. */
export type NoParams = Record<never, never>;

const agent =
  <P, A>() =>
  <N extends string>(name: N): AgentEntry<N, P, A> => ({ name });

type Log = ExecutionLog;

/** Every request the agent answers, each declared once. */
export const AGENT = {
  GetHealth: agent<NoParams, Record<string, never>>()('GetHealth'),
  GetVersion: agent<NoParams, { version: string }>()('GetVersion'),
  /**
   * Monitor's own (Komodo has none): the core replaces the agent's passkeys with one it sealed
   * under the passkey the request is signed with (@monitor/agent-client's sealPasskey).
   */
  RotatePasskey: agent<{ sealed_passkey: string }, Record<string, never>>()('RotatePasskey'),

  GetSystemInformation: agent<NoParams, SystemInformation>()('GetSystemInformation'),
  GetSystemStats: agent<NoParams, SystemStats>()('GetSystemStats'),
  GetSystemProcesses: agent<NoParams, SystemProcess[]>()('GetSystemProcesses'),

  ListDockerContainers: agent<NoParams, ContainerListItem[]>()('ListDockerContainers'),
  ListDockerImages: agent<NoParams, ImageListItem[]>()('ListDockerImages'),
  ListDockerNetworks: agent<NoParams, NetworkListItem[]>()('ListDockerNetworks'),
  ListDockerVolumes: agent<NoParams, VolumeListItem[]>()('ListDockerVolumes'),
  InspectContainer: agent<ContainerParams, KomodoContainer>()('InspectContainer'),
  GetContainerLog: agent<ContainerLogParams, Log>()('GetContainerLog'),
  GetContainerLogSearch: agent<ContainerLogSearchParams, Log>()('GetContainerLogSearch'),
  PruneContainers: agent<PruneParams, Log>()('PruneContainers'),
  PruneImages: agent<PruneParams, Log>()('PruneImages'),
  PruneNetworks: agent<PruneParams, Log>()('PruneNetworks'),
  PruneVolumes: agent<PruneParams, Log>()('PruneVolumes'),
  PruneSystem: agent<PruneParams, Log>()('PruneSystem'),

  PullImage: agent<PullImageParams, PullImageAnswer>()('PullImage'),
  CheckImageUpdate: agent<CheckImageUpdateParams, ImageUpdateAnswer>()('CheckImageUpdate'),
  DeployContainer: agent<DeployContainerParams, DeployAnswer>()('DeployContainer'),
  StartContainer: agent<ContainerParams, Log>()('StartContainer'),
  StopContainer: agent<StopContainerParams, Log>()('StopContainer'),
  RestartContainer: agent<ContainerParams, Log>()('RestartContainer'),
  PauseContainer: agent<ContainerParams, Log>()('PauseContainer'),
  UnpauseContainer: agent<ContainerParams, Log>()('UnpauseContainer'),
  RemoveContainer: agent<StopContainerParams, Log>()('RemoveContainer'),
  GetContainerStats: agent<ContainerParams, ContainerStats>()('GetContainerStats'),

  CloneOrPullRepo: agent<CloneOrPullRepoParams, RepoAnswer>()('CloneOrPullRepo'),
  PullOrCloneRepo: agent<PullOrCloneRepoParams, RepoAnswer>()('PullOrCloneRepo'),
  GetLatestCommit: agent<GetLatestCommitParams, RepoAnswer>()('GetLatestCommit'),
  CancelRepoRun: agent<CancelRepoRunParams, Record<string, never>>()('CancelRepoRun'),
  WriteComposeFiles: agent<WriteComposeFilesParams, Log>()('WriteComposeFiles'),
  ReadComposeFiles: agent<ComposeTarget, StackFileContents>()('ReadComposeFiles'),
  RunStackCommand: agent<RunStackCommandParams, Log>()('RunStackCommand'),
  ComposeUp: agent<ComposeUpParams, ComposeUpAnswer>()('ComposeUp'),
  ComposeDown: agent<ComposeDownParams, Log>()('ComposeDown'),
  ComposeStart: agent<ComposeServicesParams, Log>()('ComposeStart'),
  ComposePause: agent<ComposeServicesParams, Log>()('ComposePause'),
  ComposeUnpause: agent<ComposeServicesParams, Log>()('ComposeUnpause'),
  ComposeStop: agent<ComposeStopParams, Log>()('ComposeStop'),
  ComposeRestart: agent<ComposeStopParams, Log>()('ComposeRestart'),
  ComposePull: agent<ComposePullParams, Log>()('ComposePull'),
  ComposePs: agent<ComposeTarget, ComposeService[]>()('ComposePs'),
  GetComposeLog: agent<GetComposeLogParams, Log>()('GetComposeLog'),
  SearchComposeLog: agent<SearchComposeLogParams, Log>()('SearchComposeLog'),

  Build: agent<BuildImageParams, Log[]>()('Build'),
  CancelBuild: agent<CancelBuildParams, Record<string, never>>()('CancelBuild'),
};

export type AgentRequests = typeof AGENT;
export type AgentRequestName = keyof AgentRequests;
