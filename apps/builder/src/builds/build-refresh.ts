import { Inject, Injectable } from '@nestjs/common';
import { callAgentStreaming } from '@monitor/agent-client';
import { AGENT, type RepoAnswer } from '@monitor/contracts';
import { resourceStream, type Resource } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner, type ExecutionContext } from '@monitor/executions';
import { handleCommand, type CommandMeta, type WriteResult } from '@monitor/resources';
import { EVENT_STORE } from '@monitor/runtime';
import { BuilderAgents } from '../builders/builder-agents';
import { buildDecider, BuildExecutions } from './build-executions';
import { BuildSource, type BuildGitSource } from './build-source';

/** The longest silence of git's ls-remote on the agent. */
const GIT_TIMEOUT_MS = 5 * 60_000;

/**
 * Komodo's RefreshBuildCache: the newest commit of the build's remote branch (its own git
 * source or its linked Repo's, with that account's token), read by its builder's agent and
 * recorded in the build's stream (`BuildLatestCommitSeen`); nothing on disk changes.
 */
@Injectable()
export class BuildRefresh {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ExecutionRunner,
    private readonly builds: BuildExecutions,
    private readonly builders: BuilderAgents,
    private readonly source: BuildSource,
  ) {}

  /** An unknown build, builder, Repo or account is a 4xx before anything runs. */
  async refresh(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const build = this.builds.build(idOrName);
    this.builds.builderOf(build);
    this.source.git(() => undefined, build);
    const { id, position } = await this.runner.start({
      operation: 'RefreshBuildCache',
      target: { type: 'Build', id: build.id },
      meta,
      work: (ctx) => this.work(ctx, build.id, meta),
    });
    return { id, position };
  }

  private async work(ctx: ExecutionContext, buildId: string, meta: CommandMeta): Promise<void> {
    // What the build is when the refresh runs (it may have waited in the queue).
    const build = this.builds.build(buildId);
    const git = await this.gitSource(ctx, build);
    if (!git) return;
    const builder = this.builds.builderOf(build);
    let acquired!: Awaited<ReturnType<BuilderAgents['acquire']>>;
    await ctx.stage('builder', `the agent of builder '${builder.name}'`, async () => {
      acquired = await this.builders.acquire(builder, ctx);
      return { stdout: acquired.where };
    });
    let answer: RepoAnswer;
    try {
      ({ body: answer } = await callAgentStreaming<RepoAnswer>(
        acquired.agent,
        AGENT.GetLatestCommit.name,
        git.remote,
        GIT_TIMEOUT_MS,
        ctx.output,
      ));
    } finally {
      await acquired.release();
    }
    await ctx.appendLogs(answer.logs);
    if (!answer.success || !answer.commit_hash)
      throw new Error('the agent answered no commit for the repository');
    const commit = { hash: answer.commit_hash, message: answer.commit_message ?? '' };
    await handleCommand(
      this.store,
      resourceStream('Build', build.id),
      buildDecider,
      { type: 'RecordLatestCommit', commit },
      meta,
    );
  }

  private async gitSource(
    ctx: ExecutionContext,
    build: Resource<'Build'>,
  ): Promise<BuildGitSource | undefined> {
    let git: BuildGitSource | undefined;
    await ctx.stage('git source', `find the repository of '${build.name}'`, async () => {
      // As Komodo: a build from the files on its host has no remote to read.
      if (build.config.files_on_host) return { stdout: 'files on host: no remote to refresh' };
      git = this.source.git((secret) => ctx.secret(secret), build);
      return { stdout: git ? git.label : 'no repository: nothing to refresh' };
    });
    return git;
  }
}
