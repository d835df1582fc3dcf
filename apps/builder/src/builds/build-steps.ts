import { Inject, Injectable } from '@nestjs/common';
import { callAgent, callAgentStreaming, type AgentAddress } from '@monitor/agent-client';
import { AGENT, type BuildImageParams, type RepoAnswer } from '@monitor/contracts';
import {
  buildArgs,
  buildDirectory,
  buildImageTags,
  buildPowers,
  buildSourceProblem,
  invalid,
  formatVersion,
  type ExecutionLog,
  type Resource,
  type Version,
} from '@monitor/domain';
import type { ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { requireWriterHostAccess } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { BuildSource } from './build-source';

/** The longest silence of a clone or pull (git's own steps). */
const GIT_TIMEOUT_MS = 10 * 60_000;
/** The longest silence of a build: a step may print nothing for long (a compile, a download). */
const BUILD_TIMEOUT_MS = 30 * 60_000;

/** What the checkout gave: the commit built, when from git. */
export interface Checkout {
  commit_hash?: string;
  commit_message?: string;
}

/**
 * The stages of one RunBuild on its builder's agent: what the config asks of the host, the
 * checkout (with the pre-build command), then Docker's build and push, streamed.
 */
@Injectable()
export class BuildSteps {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly source: BuildSource,
  ) {}

  /**
   * The pre-build command and `--network host` are host power: the config's writer must hold
   * Terminal, now, on each Server a Server builder may build on, or on a Url or Aws Builder.
   */
  async checkHostAccess(
    ctx: ExecutionContext,
    build: Resource<'Build'>,
    builder: Resource<'Builder'>,
  ): Promise<void> {
    const powers = buildPowers(build.config);
    if (!powers.length) return;
    await ctx.stage('host access', 'what the build asks of its builder', async () => {
      const hosts =
        builder.config.type === 'Server'
          ? builder.config.params.server_ids.flatMap(
              (id) => this.readModel.resourceById('Server', id) ?? [],
            )
          : [builder];
      for (const host of hosts) requireWriterHostAccess(this.readModel, build, host, powers);
      return { stdout: 'the config writer may run commands on the builder' };
    });
  }

  /**
   * The build's folder brought to its git source (pulled, or cloned when new), the pre-build
   * command run in it; a build from `dockerfile` contents alone, or from the files already in
   * that folder on the host (`files_on_host`), needs no checkout (the agent's build runs its
   * pre-build).
   */
  async checkout(
    ctx: ExecutionContext,
    build: Resource<'Build'>,
    agent: AgentAddress,
    fill: (text: string) => string,
  ): Promise<Checkout> {
    const { config } = build;
    if (config.files_on_host) {
      await ctx.stage('host files', `the files of '${build.name}' on its builder`, async () => ({
        stdout: `the folder repos/${buildDirectory(build)} under the agent's root directory`,
      }));
      return {};
    }
    let git: ReturnType<BuildSource['git']>;
    await ctx.stage('git source', `find the repository of '${build.name}'`, async () => {
      git = this.source.git((secret) => ctx.secret(secret), build);
      const problem = buildSourceProblem(config, git?.label);
      if (problem) throw invalid(`${problem.field}: ${problem.message}`);
      return { stdout: git ? git.label : 'the dockerfile contents of the config' };
    });
    if (!git) return {};
    const preBuild = config.pre_build.command.trim();
    const answer = await callAgentStreaming<RepoAnswer>(
      agent,
      AGENT.PullOrCloneRepo.name,
      {
        // Under the Build's id, so the agent's CancelBuild stops the clone and the pre-build too.
        id: build.id,
        ...git.remote,
        directory: buildDirectory(build),
        commit: git.commit,
        commands: preBuild
          ? [{ stage: 'Pre Build', path: config.pre_build.path.trim(), command: fill(preBuild) }]
          : [],
      },
      GIT_TIMEOUT_MS,
      ctx.output,
    );
    await ctx.appendLogs(answer.body.logs);
    return {
      commit_hash: answer.body.commit_hash ?? undefined,
      commit_message: answer.body.commit_message ?? undefined,
    };
  }

  /**
   * Docker's build, tag and push on the agent, its lines streamed to the Update; with no
   * checkout, the pre-build command first, in the build folder.
   */
  async build(
    ctx: ExecutionContext,
    build: Resource<'Build'>,
    agent: AgentAddress,
    version: Version,
    checkout: Checkout,
    fill: (text: string) => string,
  ): Promise<void> {
    let params!: BuildImageParams;
    await ctx.stage('build args', `the args of version ${formatVersion(version)}`, async () => {
      const config = this.source.opened(ctx, build);
      const args = buildArgs(
        {
          build_args: fill(config.build_args),
          secret_args: fill(config.secret_args),
          labels: fill(config.labels),
        },
        version,
      );
      for (const secret of args.secret_args) ctx.secret(secret.value);
      const tags = buildImageTags(build, version, checkout.commit_hash);
      params = {
        id: build.id,
        directory: buildDirectory(build),
        build_path: config.build_path,
        dockerfile_path: config.dockerfile_path,
        // Files on the host are built as they are, as Komodo does.
        dockerfile:
          config.dockerfile.trim() && !config.files_on_host ? fill(config.dockerfile) : undefined,
        pre_build: this.preBuildWithoutCheckout(build, fill),
        ...args,
        extra_args: config.extra_args.map(fill),
        tags,
        registries: this.source.registries((secret) => ctx.secret(secret), config),
      };
      return { stdout: tags.join('\n') };
    });
    const answer = await callAgentStreaming<ExecutionLog[]>(
      agent,
      AGENT.Build.name,
      params,
      BUILD_TIMEOUT_MS,
      ctx.output,
    );
    await ctx.appendLogs(answer.body);
  }

  /** The pre-build command the agent's build runs: a checkout has run it already. */
  private preBuildWithoutCheckout(
    build: Resource<'Build'>,
    fill: (text: string) => string,
  ): BuildImageParams['pre_build'] {
    const command = build.config.pre_build.command.trim();
    if (!command) return undefined;
    if (!build.config.files_on_host && this.source.git(() => undefined, build)) return undefined;
    return { path: build.config.pre_build.path.trim(), command: fill(command) };
  }

  /**
   * Stops the agent's build of this Build (the agent's CancelBuild), for the cancel's log: a
   * build not started there yet (404) stops anyway, at the next stage.
   */
  async stopOnAgent(agent: AgentAddress, build: Resource<'Build'>): Promise<string> {
    try {
      await callAgent(agent, AGENT.CancelBuild.name, { id: build.id }, 10_000);
      return "the agent's build was stopped";
    } catch (error) {
      return `the agent had no build to stop (${(error as Error).message})`;
    }
  }
}
