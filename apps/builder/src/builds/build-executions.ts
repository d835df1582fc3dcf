import { Inject, Injectable } from '@nestjs/common';
import {
  buildSourceProblem,
  decideBuild,
  evolveBuildRecord,
  initialBuildRecord,
  invalid,
  notFound,
  resourceStream,
  validateBuildConfig,
  versionToBuild,
  type BuildOutcome,
  type BuildRun,
  type Resource,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import {
  ExecutionRunner,
  StageFailed,
  whenCompleted,
  type ExecutionContext,
} from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, type CommandMeta, type WriteResult } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { BuilderAgents } from '../builders/builder-agents';
import { BuildSource } from './build-source';
import { BuildSteps, type Checkout } from './build-steps';
import { RunningBuilds } from './running-builds';

/** Cancels get a runner of their own: the Build's queue holds the RunBuild they stop. */
export const CANCEL_RUNNER = Symbol('CANCEL_RUNNER');

/** How long a CancelBuild waits for the build to stop before it says so. */
const CANCEL_WAIT_MS = 60_000;

export const buildDecider = {
  decide: decideBuild,
  evolve: evolveBuildRecord,
  initialState: initialBuildRecord,
};

/**
 * A Build's executions on its Builder: RunBuild (checkout, pre-build, Docker's build and push,
 * the outcome recorded in the build's stream, the builder released whatever happens) and
 * CancelBuild, which stops a running one.
 */
@Injectable()
export class BuildExecutions {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ExecutionRunner,
    @Inject(CANCEL_RUNNER) private readonly cancelRunner: ExecutionRunner,
    private readonly builders: BuilderAgents,
    private readonly source: BuildSource,
    private readonly steps: BuildSteps,
    private readonly running: RunningBuilds,
  ) {}

  /** Bad input (no builder, a config the build would refuse) is a 400 before anything runs. */
  async run(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const build = this.build(idOrName);
    this.builderOf(build);
    const [problem] = validateBuildConfig(build.config, build.name);
    if (problem) throw invalid(problem.message, { field: `config.${problem.field}` });
    // The accounts named exist (their tokens are not used here).
    this.source.registries(() => undefined, build.config);
    this.source.git(() => undefined, build);
    const linked = this.readModel.resourceById('Repo', build.config.linked_repo);
    const source = buildSourceProblem(build.config, linked?.config.repo);
    if (source)
      throw invalid(`config.${source.field}: ${source.message}`, {
        field: `config.${source.field}`,
      });
    let updateId!: (id: string) => void;
    const known = new Promise<string>((resolve) => (updateId = resolve));
    const { id, position } = await this.runner.start({
      operation: 'RunBuild',
      target: { type: 'Build', id: build.id },
      meta,
      work: async (ctx) => this.work(ctx, build.id, await known, meta),
    });
    updateId(id);
    return { id, position };
  }

  /**
   * Komodo's CancelBuild: its Update, once started, aborts the running build in whichever
   * replica runs it (RunningBuilds); this waits for that run to end and says how it ended.
   * None running fails its Update.
   */
  async cancel(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const build = this.build(idOrName);
    const { id, position } = await this.cancelRunner.start({
      operation: 'CancelBuild',
      target: { type: 'Build', id: build.id },
      meta,
      work: async (ctx) => {
        let runId = '';
        await ctx.stage('cancel', `stop the running build of '${build.name}'`, async () => {
          const running = this.readModel.executions
            .forTarget('Build', build.id)
            .find((x) => x.operation === 'RunBuild' && x.status === 'InProgress');
          if (!running) throw new Error(`Build '${build.name}' is not building`);
          runId = running.id;
          return { stdout: 'The build cancel has been triggered' };
        });
        await ctx.stage('cancelled', 'wait for the build to stop', async () => {
          if (!(await whenCompleted(this.readModel, runId, CANCEL_WAIT_MS)))
            throw new Error(`the build did not stop within ${CANCEL_WAIT_MS / 1000} s`);
          const outcome = this.readModel.builds
            .of(build.id)
            .runs.find((r) => r.update_id === runId)?.outcome;
          if (outcome !== 'Cancelled')
            throw new Error(`the build ended (${outcome ?? 'with an error'}) before it could stop`);
          return { stdout: 'the build stopped: nothing was pushed' };
        });
      },
    });
    return { id, position };
  }

  private async work(
    ctx: ExecutionContext,
    buildId: string,
    updateId: string,
    meta: CommandMeta,
  ): Promise<void> {
    const started_at = Date.now();
    // What the build is when it runs (it may have waited in the queue).
    const build = this.build(buildId);
    const version = versionToBuild(
      this.readModel.builds.of(build.id).version,
      build.config.auto_increment_version,
    );
    let checkout: Checkout = {};
    const record = (outcome: BuildOutcome) =>
      this.record(build, meta, {
        outcome,
        update_id: updateId,
        version,
        started_at,
        ended_at: Date.now(),
        ...checkout,
      });
    // As Komodo's Update `version`: the version this run builds (in other_data).
    await ctx.record({ version });
    const { signal, end } = this.running.begin(buildId);
    let stopped: Promise<string> | undefined;
    try {
      const builder = this.builderOf(build);
      await this.steps.checkHostAccess(ctx, build, builder);
      const acquired = await this.acquire(ctx, builder, signal);
      const stop = () => (stopped = this.steps.stopOnAgent(acquired.agent, build));
      signal.addEventListener('abort', stop);
      try {
        const fill = this.source.interpolator(ctx, build, version);
        checkout = await this.steps.checkout(ctx, build, acquired.agent, fill);
        this.throwIfCancelled(signal);
        // Once the agent's build has answered success, its tags are pushed: a cancel is too late.
        await this.steps.build(ctx, build, acquired.agent, version, checkout, fill);
      } finally {
        signal.removeEventListener('abort', stop);
        await acquired.release();
      }
      await record('Built');
    } catch (error) {
      if (!signal.aborted) {
        await record('Failed');
        throw error;
      }
      await record('Cancelled');
      const agent = (await stopped) ?? 'cancelled before the agent built';
      await ctx.stage('Build Cancelled', 'CancelBuild', async () => ({
        success: false,
        stdout: agent,
        stderr: 'the build was cancelled: nothing was pushed',
      }));
    } finally {
      end();
    }
  }

  private async acquire(
    ctx: ExecutionContext,
    builder: Resource<'Builder'>,
    signal: AbortSignal,
  ): Promise<Awaited<ReturnType<BuilderAgents['acquire']>>> {
    let acquired!: Awaited<ReturnType<BuilderAgents['acquire']>>;
    await ctx.stage('builder', `the agent of builder '${builder.name}'`, async () => {
      acquired = await this.builders.acquire(builder, ctx, { signal });
      return { stdout: acquired.where };
    });
    return acquired;
  }

  private throwIfCancelled(signal: AbortSignal): void {
    if (signal.aborted) throw new StageFailed('Build Cancelled', 'the build was cancelled');
  }

  private async record(build: Resource<'Build'>, meta: CommandMeta, run: BuildRun): Promise<void> {
    await handleCommand(
      this.store,
      resourceStream('Build', build.id),
      buildDecider,
      {
        type: 'RecordBuildRun',
        run,
      },
      meta,
    );
  }

  build(idOrName: string): Resource<'Build'> {
    const build = this.readModel.resource('Build', idOrName);
    if (!build) throw notFound(`no Build has the name or id '${idOrName}'`);
    return build;
  }

  builderOf(build: Resource<'Build'>): Resource<'Builder'> {
    const id = build.config.builder_id.trim();
    if (!id)
      throw invalid(`config.builder_id: Build '${build.name}' has no builder: set one`, {
        field: 'config.builder_id',
      });
    const builder = this.readModel.resourceById('Builder', id);
    if (!builder)
      throw invalid(`config.builder_id: no Builder has the id '${id}'`, {
        field: 'config.builder_id',
      });
    return builder;
  }
}
