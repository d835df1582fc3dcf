import { Inject, Injectable } from '@nestjs/common';
import { callAgentStreaming } from '@monitor/agent-client';
import { AGENT, type RepoAnswer } from '@monitor/contracts';
import { repoDirectory, repoPowers, type Resource } from '@monitor/domain';
import { ExecutionRunner, whenCompleted, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { requireWriterHostAccess, type CommandMeta, type WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { BuilderAgents } from '../builders/builder-agents';
import type { AcquiredAgent } from '../builders/builder-agent';
import { RepoExecutions, repoCommands, repoEnvFile } from './repo-executions';
import { RepoSource } from './repo-source';
import { RunningRepoBuilds, stopRepoRun } from './running-repo-builds';

/** Cancels get a runner of their own: the Repo's queue holds the BuildRepo they stop. */
export const REPO_CANCEL_RUNNER = Symbol('REPO_CANCEL_RUNNER');

/** A clone and its commands on the builder, as a CloneRepo on a Server. */
const AGENT_TIMEOUT = 10 * 60_000;

/** How long a CancelRepoBuild waits for the build to stop before it says so. */
const CANCEL_WAIT_MS = AGENT_TIMEOUT;

/** The stage a cancelled build ends with; the cancel reads it to say the build stopped. */
const CANCELLED_STAGE = 'Repo Build Cancelled';

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('stopped before its outcome was recorded');
}

/**
 * Komodo's BuildRepo: the Repo cloned afresh on its Builder's agent (a Server's, an Url's, or a
 * single-use instance's), its env file written and on_clone and on_pull run there, the builder
 * released whatever the outcome. CancelRepoBuild, taken by any builder replica, stops one waiting
 * for its builder, or kills its clone and commands on the agent (the agent's CancelRepoRun, the
 * run being under the Repo's id there), and it ends unrecorded. Komodo cannot stop the work on a
 * Server builder and refuses; Monitor's agent can, so every builder type is cancelled alike.
 */
@Injectable()
export class RepoBuilds {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly runner: ExecutionRunner,
    @Inject(REPO_CANCEL_RUNNER) private readonly cancelRunner: ExecutionRunner,
    private readonly builders: BuilderAgents,
    private readonly repos: RepoExecutions,
    private readonly source: RepoSource,
    private readonly running: RunningRepoBuilds,
  ) {}

  async build(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const repo = this.repos.repo(idOrName);
    const { id, position } = await this.runner.start({
      operation: 'BuildRepo',
      target: { type: 'Repo', id: repo.id },
      meta,
      work: async (ctx) => {
        const { signal, end } = this.running.begin(repo.id);
        const stopped: { onAgent?: Promise<string> } = {};
        try {
          await this.work(ctx, repo.id, signal, stopped);
        } catch (error) {
          if (!signal.aborted) throw error;
          const agent = (await stopped.onAgent) ?? 'cancelled before the agent cloned';
          await ctx.stage(CANCELLED_STAGE, 'CancelRepoBuild', async () => ({
            success: false,
            stdout: agent,
            stderr: `the repo build was cancelled: ${(error as Error).message}`,
          }));
        } finally {
          end();
        }
      },
    });
    return { id, position };
  }

  /**
   * Komodo's CancelRepoBuild, an Update of its own (the Repo's queue holds the build): once
   * started it aborts the build in whichever replica runs it (RunningRepoBuilds), and waits for
   * that build to end. None running fails it, saying so.
   */
  async cancel(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const repo = this.repos.repo(idOrName);
    const { id, position } = await this.cancelRunner.start({
      operation: 'CancelRepoBuild',
      target: { type: 'Repo', id: repo.id },
      meta,
      work: async (ctx) => {
        let runId = '';
        await ctx.stage('Cancel acknowledged', `cancel the build of '${repo.name}'`, async () => {
          const running = this.readModel.executions
            .forTarget('Repo', repo.id)
            .find((x) => x.operation === 'BuildRepo' && x.status === 'InProgress');
          if (!running) throw new Error(`Repo '${repo.name}' is not building: nothing to cancel`);
          runId = running.id;
          return {
            stdout: 'The repo build cancellation has been queued, it may still take some time.',
          };
        });
        await ctx.stage('cancelled', 'wait for the repo build to stop', async () => {
          if (!(await whenCompleted(this.readModel, runId, CANCEL_WAIT_MS)))
            throw new Error(`the repo build did not stop within ${CANCEL_WAIT_MS / 1000} s`);
          const logs = this.readModel.update(runId)?.logs ?? [];
          if (!logs.some((l) => l.stage === CANCELLED_STAGE))
            throw new Error('the repo build ended before it could stop');
          return { stdout: 'the repo build stopped: nothing was recorded as built' };
        });
      },
    });
    return { id, position };
  }

  /**
   * The build itself. A cancel aborts `signal`: the wait for the builder ends, or the agent is
   * asked to stop the run (`stopped.onAgent` says how that went, for the cancelled stage).
   */
  private async work(
    ctx: ExecutionContext,
    repoId: string,
    signal: AbortSignal,
    stopped: { onAgent?: Promise<string> },
  ): Promise<void> {
    // What the repo is when it runs (it may have waited in the queue).
    const current = this.repos.repo(repoId);
    const builder = await this.builderOf(ctx, current);
    const serverIds = builder.config.type === 'Server' ? builder.config.params.server_ids : [];
    await this.repos.checkFolder(ctx, current, serverIds);
    const remote = await this.source.remote(ctx, current);
    const fill = this.source.interpolator(ctx, current);
    const commands = repoCommands('CloneRepo', current, fill);
    if (commands.length) await this.checkHostAccess(ctx, current, builder);
    throwIfCancelled(signal);
    const acquired = await this.acquire(ctx, builder, signal);
    const stop = () => (stopped.onAgent = stopRepoRun(acquired.agent, current.id));
    signal.addEventListener('abort', stop, { once: true });
    try {
      throwIfCancelled(signal);
      const answer = await callAgentStreaming<RepoAnswer>(
        acquired.agent,
        AGENT.PullOrCloneRepo.name,
        {
          id: current.id,
          ...remote,
          directory: repoDirectory(current),
          commit: current.config.commit.trim() || undefined,
          reclone: true,
          env: repoEnvFile(current, fill),
          commands,
        },
        AGENT_TIMEOUT,
        ctx.output,
      );
      await ctx.appendLogs(answer.body.logs);
      throwIfCancelled(signal);
      await ctx.record({
        built_hash: answer.body.commit_hash,
        built_message: answer.body.commit_message,
      });
    } finally {
      signal.removeEventListener('abort', stop);
      await acquired.release();
    }
  }

  private async builderOf(
    ctx: ExecutionContext,
    repo: Resource<'Repo'>,
  ): Promise<Resource<'Builder'>> {
    let builder!: Resource<'Builder'>;
    await ctx.stage('builder', `find the builder of '${repo.name}'`, async () => {
      const found = repo.config.builder_id
        ? this.readModel.resourceById('Builder', repo.config.builder_id)
        : undefined;
      if (!found) {
        throw new Error(
          `config.builder_id: Repo '${repo.name}' has no builder: set one to build it (BuildRepo)`,
        );
      }
      builder = found;
      return { stdout: builder.name };
    });
    return builder;
  }

  /**
   * `on_clone` and `on_pull` run on the builder's host: the config's writer must hold Terminal,
   * now, on each Server a Server builder may build on, or on an Url or Aws Builder.
   */
  private async checkHostAccess(
    ctx: ExecutionContext,
    repo: Resource<'Repo'>,
    builder: Resource<'Builder'>,
  ): Promise<void> {
    await ctx.stage('host access', 'what the commands ask of the builder', async () => {
      const hosts =
        builder.config.type === 'Server'
          ? builder.config.params.server_ids.flatMap(
              (id) => this.readModel.resourceById('Server', id) ?? [],
            )
          : [builder];
      for (const host of hosts) {
        requireWriterHostAccess(this.readModel, repo, host, repoPowers(repo.config));
      }
      return { stdout: 'the config writer may run commands on the builder' };
    });
  }

  private async acquire(
    ctx: ExecutionContext,
    builder: Resource<'Builder'>,
    signal: AbortSignal | undefined,
  ): Promise<AcquiredAgent> {
    let acquired!: AcquiredAgent;
    await ctx.stage('get builder', `the agent of builder '${builder.name}'`, async () => {
      acquired = await this.builders.acquire(builder, ctx, { signal });
      return { stdout: acquired.where };
    });
    return acquired;
  }
}
