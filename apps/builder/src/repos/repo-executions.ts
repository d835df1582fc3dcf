import { Inject, Injectable } from '@nestjs/common';
import { AGENT, type RepoAnswer, type RepoCommandParams } from '@monitor/contracts';
import {
  decideRepo,
  invalid,
  notFound,
  recordedRuns,
  REPO_RECORDING_RUNS,
  repoDirectory,
  repoFolderClash,
  repoPowers,
  replayRepo,
  type RepoCommand,
  type Resource,
} from '@monitor/domain';
import { ExecutionRunner, ServerAgents, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { requireWriterHostAccess, type CommandMeta, type WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { RepoSource } from './repo-source';

/** A clone or pull: git's own steps are the longest part, bounded by the agent (5 min). */
const AGENT_TIMEOUT = 10 * 60_000;

export type RepoSync = 'CloneRepo' | 'PullRepo';

/** The commands each sync runs after it, as Komodo's periphery: a clone runs both. */
const COMMANDS: Record<RepoSync, [field: 'on_clone' | 'on_pull', stage: string][]> = {
  CloneRepo: [
    ['on_clone', 'on clone'],
    ['on_pull', 'on pull'],
  ],
  PullRepo: [['on_pull', 'on pull']],
};

/** The Repo's commands a sync runs, `[[VARIABLES]]` filled in. */
export function repoCommands(
  operation: RepoSync,
  { config }: Resource<'Repo'>,
  fill: (text: string) => string,
): RepoCommandParams[] {
  return COMMANDS[operation]
    .filter(([field]) => config[field].command.trim())
    .map(([field, stage]) => ({
      stage,
      path: config[field].path.trim(),
      command: fill(config[field].command),
    }));
}

/** The env file the agent writes before the commands run, when the Repo has an environment. */
export function repoEnvFile({ config }: Resource<'Repo'>, fill: (text: string) => string) {
  return config.environment.trim()
    ? { path: config.env_file_path.trim() || '.env', contents: fill(config.environment) }
    : undefined;
}

/**
 * A Repo's executions on its Server: CloneRepo (afresh) and PullRepo bring the repository into
 * the Repo's folder, write its env file and run its commands; RefreshRepoCache reads the
 * remote branch's newest commit. Each records what it learnt as Repo events for the read side.
 */
@Injectable()
export class RepoExecutions {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly runner: ExecutionRunner,
    private readonly agents: ServerAgents,
    private readonly source: RepoSource,
  ) {}

  sync(operation: RepoSync, idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const repo = this.repo(idOrName);
    return this.execute(repo, operation, meta, async (ctx, server) => {
      // What the repo is when the sync runs (it may have waited in the queue).
      const current = this.repo(repo.id);
      const { config } = current;
      await this.checkFolder(ctx, current);
      const remote = await this.source.remote(ctx, current);
      const fill = this.source.interpolator(ctx, current);
      const commands = repoCommands(operation, current, fill);
      if (commands.length) await this.checkHostAccess(ctx, current, server);
      const answer = await this.agents.stream(
        AGENT.PullOrCloneRepo,
        server,
        ctx.output,
        {
          // The agent runs it under the Repo's id: one run of a Repo there at a time.
          id: current.id,
          ...remote,
          directory: repoDirectory(current),
          commit: config.commit.trim() || undefined,
          reclone: operation === 'CloneRepo',
          env: repoEnvFile(current, fill),
          commands,
        },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs(answer.logs);
      const type = operation === 'CloneRepo' ? 'RecordClone' : 'RecordPull';
      await this.record(ctx, current, answer, (commit) => ({
        type,
        commit,
        pinned: !!config.commit.trim(),
        at: Date.now(),
      }));
    });
  }

  /** Komodo's RefreshRepoCache: the remote branch's newest commit, nothing on disk changed. */
  refresh(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const repo = this.repo(idOrName);
    return this.execute(repo, 'RefreshRepoCache', meta, async (ctx, server) => {
      const current = this.repo(repo.id);
      const remote = await this.source.remote(ctx, current);
      const answer = await this.agents.stream(
        AGENT.GetLatestCommit,
        server,
        ctx.output,
        remote,
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs(answer.logs);
      await this.record(ctx, current, answer, (commit) => ({ type: 'RecordLatest', commit }));
    });
  }

  repo(idOrName: string): Resource<'Repo'> {
    const repo = this.readModel.resource('Repo', idOrName);
    if (!repo) throw notFound(`no Repo has the name or id '${idOrName}'`);
    return repo;
  }

  private async record(
    ctx: ExecutionContext,
    repo: Resource<'Repo'>,
    answer: RepoAnswer,
    command: (commit: { hash: string; message: string }) => RepoCommand,
  ): Promise<void> {
    if (!answer.success || !answer.commit_hash) {
      throw new Error('the agent answered no commit for the repository');
    }
    const runs = recordedRuns(
      this.readModel.executions.forTarget('Repo', repo.id),
      REPO_RECORDING_RUNS,
    ).reverse();
    const commit = { hash: answer.commit_hash, message: answer.commit_message ?? '' };
    const repo_events = decideRepo(replayRepo(runs), command(commit));
    if (repo_events.length) await ctx.record({ repo_events });
  }

  /**
   * The Repo's folder is its own: no other Repo on its Server (or on each Server it is cloned on
   * as a build, `serverIds`) is there, inside or around it.
   */
  async checkFolder(
    ctx: ExecutionContext,
    repo: Resource<'Repo'>,
    serverIds = [repo.config.server_id],
  ): Promise<void> {
    const directory = repoDirectory(repo);
    await ctx.stage('repo folder', `check that '${directory}' is this Repo's own`, async () => {
      const others = this.readModel.list('Repo');
      const other = serverIds
        .map((server_id) =>
          repoFolderClash({ ...repo, config: { ...repo.config, server_id } }, others),
        )
        .find(Boolean);
      if (other) {
        throw new Error(
          `config.path: the folder '${directory}' clashes with Repo '${other.name}' in '${repoDirectory(other)}' on this server: give this Repo a path of its own`,
        );
      }
      return { stdout: directory };
    });
  }

  /**
   * `on_clone` and `on_pull` run on the host: the config's writer must hold Terminal on the
   * Server beyond its policy, checked again now (the grant may have gone since the write).
   */
  private async checkHostAccess(
    ctx: ExecutionContext,
    repo: Resource<'Repo'>,
    server: Resource<'Server'>,
  ): Promise<void> {
    await ctx.stage('host access', 'what the commands ask of the host', async () => {
      requireWriterHostAccess(this.readModel, repo, server, repoPowers(repo.config));
      return { stdout: 'the config writer may run commands on this server' };
    });
  }

  private server(repo: Resource<'Repo'>): Resource<'Server'> {
    const server = this.readModel.resource('Server', repo.config.server_id);
    if (server) return server;
    const why = repo.config.builder_id
      ? 'it names a Builder: run BuildRepo to clone it there, or set config.server_id'
      : 'set config.server_id';
    throw invalid(`Repo '${repo.name}' has no server: ${why}`, { field: 'config.server_id' });
  }

  private async execute(
    repo: Resource<'Repo'>,
    operation: string,
    meta: CommandMeta,
    work: (ctx: ExecutionContext, server: Resource<'Server'>) => Promise<void>,
  ): Promise<WriteResult> {
    const { id, position } = await this.runner.start({
      operation,
      target: { type: 'Repo', id: repo.id },
      meta,
      work: async (ctx) => {
        let server!: Resource<'Server'>;
        await ctx.stage('server', `find the server of '${repo.name}'`, async () => {
          server = this.server(repo);
          return { stdout: server.name };
        });
        await work(ctx, server);
      },
    });
    return { id, position };
  }
}
