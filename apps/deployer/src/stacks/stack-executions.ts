import { posix } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { AGENT, type ComposePullParams } from '@monitor/contracts';
import {
  invalid,
  notFound,
  planDeployIfChanged,
  recordedRuns,
  STACK_DEPLOYS,
  stackDeployPowers,
  stackProjectName,
  type IfChangedPlan,
  type StackHashes,
  type Resource,
  type StackConfig,
  type SystemCommand,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import {
  knownSecrets,
  requireWriterHostAccess,
  type CommandMeta,
  type Credential,
  type WriteResult,
} from '@monitor/resources';
import { ServerAgents, type ExecutionContext } from '@monitor/executions';
import { KEYRING, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { ObservedExecutions } from '../observation/observed-executions';
import { applyConfigChanges, describePlan, stackHashes } from './stack-changes';
import { AGENT_TIMEOUT, composeBuild, composeTarget, composeWrapper } from './stack-layout';
import { stopTimeout, type DestroyChoice, type StackRunChoice } from './stack-run-choice';
import { StackSource, type PreparedStack } from './stack-source';

/** The stack actions besides the deploys and DestroyStack: the agent request and the stage. */
export const STACK_ACTIONS = {
  StartStack: [AGENT.ComposeStart, 'start stack'],
  StopStack: [AGENT.ComposeStop, 'stop stack'],
  RestartStack: [AGENT.ComposeRestart, 'restart stack'],
  PauseStack: [AGENT.ComposePause, 'pause stack'],
  UnpauseStack: [AGENT.ComposeUnpause, 'unpause stack'],
  PullStack: [AGENT.ComposePull, 'pull images'],
} as const;
export type StackAction = keyof typeof STACK_ACTIONS;

/** The actions that stop containers, where Komodo's `stop_time` is compose's `--timeout`. */
const STOPPING: ReadonlySet<StackAction> = new Set(['StopStack', 'RestartStack']);

export type DeployOperation = (typeof STACK_DEPLOYS)[number];

type StackDeployConfig = Pick<
  StackConfig,
  | 'environment'
  | 'auto_pull'
  | 'destroy_before_deploy'
  | 'extra_args'
  | 'pre_deploy'
  | 'post_deploy'
  | 'registry_account'
  | 'compose_cmd_wrapper'
  | 'compose_cmd_wrapper_include'
  | 'run_build'
  | 'build_extra_args'
>;

/**
 * A stack's executions. Each answers an Update at once; compose's own output is its log. A
 * deploy records what it deployed (files, commit, a hash of the contents) for the read side
 * and for DeployStackIfChanged.
 */
@Injectable()
export class StackExecutions {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    private readonly executions: ObservedExecutions,
    private readonly agents: ServerAgents,
    private readonly source: StackSource,
  ) {}

  deploy(
    idOrName: string,
    meta: CommandMeta,
    operation: DeployOperation = 'DeployStack',
    { services, stop_time }: StackRunChoice = {},
    alwaysPull = false,
  ): Promise<WriteResult> {
    const stack = this.stack(idOrName);
    return this.execute(stack, operation, meta, async (ctx, server) => {
      // What the stack is when the deploy runs (it may have waited in the queue).
      const current = this.stack(stack.id);
      const config: StackDeployConfig = current.config;
      // Before the files change: an unknown account fails the deploy with nothing touched.
      let registry: Credential | undefined;
      if (config.registry_account.trim()) {
        await ctx.stage('registry', 'find the registry account', async () => {
          registry = this.source.registry(ctx, current);
          return { stdout: `${registry?.username} at ${registry?.domain}` };
        });
      }
      const prepared = await this.source.prepare(ctx, current, server);
      await this.checkHostAccess(ctx, current, server, prepared);
      const hashes = stackHashes(prepared, config.environment);
      const fill = this.source.interpolator(ctx, current);
      const build = composeBuild(config, fill);
      const target = {
        ...composeTarget(current),
        env_file: prepared.env_file,
        registry,
        ...composeWrapper(config, fill),
      };
      const record = () =>
        ctx.record({
          project: target.project,
          run_directory: target.run_directory,
          files: target.files,
          deployed_contents: prepared.contents,
          commit_hash: prepared.commit_hash,
          commit_message: prepared.commit_message,
          ...hashes,
          config_revision: current.revision,
        });
      if (operation === 'DeployStackIfChanged') {
        const plan = await this.plan(ctx, current, prepared, hashes);
        if (plan.kind === 'nothing') return;
        if (plan.kind === 'config') {
          const withTimeout = { ...target, ...build, ...stopTimeout(stop_time) };
          await applyConfigChanges(this.agents, ctx, server, withTimeout, plan, config.extra_args);
          await record();
          return;
        }
      }
      await this.systemCommand(ctx, server, current, 'pre deploy', config.pre_deploy, fill);
      if (config.auto_pull || alwaysPull) await this.pull(ctx, server, { ...target, services });
      if (config.destroy_before_deploy) {
        // Taking down pulls nothing: no registry account.
        const down = { ...target, registry: undefined, ...stopTimeout(stop_time) };
        await ctx.appendLogs([
          await this.agents.stream(AGENT.ComposeDown, server, ctx.output, down, AGENT_TIMEOUT),
        ]);
      }
      const up = await this.agents.stream(
        AGENT.ComposeUp,
        server,
        ctx.output,
        {
          ...target,
          ...build,
          services,
          extra_args: config.extra_args,
          ...stopTimeout(stop_time),
        },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs(up.logs);
      await this.systemCommand(ctx, server, current, 'post deploy', config.post_deploy, fill);
      await record();
    });
  }

  /**
   * Komodo's RefreshStackCache: brings the files up to date on the server (a pull, for git)
   * without running compose, and records what they now are beside what was deployed.
   */
  refresh(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const stack = this.stack(idOrName);
    return this.execute(stack, 'RefreshStackCache', meta, async (ctx, server) => {
      const prepared = await this.source.prepare(ctx, this.stack(stack.id), server);
      await ctx.record({
        latest_contents: prepared.contents,
        latest_hash: prepared.commit_hash,
        latest_message: prepared.commit_message,
      });
    });
  }

  /** `down`, or for `services` theirs only (their containers stopped and removed). */
  destroy(idOrName: string, meta: CommandMeta, choice: DestroyChoice = {}): Promise<WriteResult> {
    const stack = this.stack(idOrName);
    const { services, remove_volumes = false, remove_orphans, stop_time } = choice;
    return this.execute(stack, 'DestroyStack', meta, async (ctx, server) => {
      const log = await this.agents.stream(
        AGENT.ComposeDown,
        server,
        ctx.output,
        {
          ...composeTarget(stack),
          remove_volumes,
          ...(services?.length ? { services } : {}),
          ...(remove_orphans ? { remove_orphans } : {}),
          ...stopTimeout(stop_time),
        },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs([log]);
    });
  }

  action(
    action: StackAction,
    idOrName: string,
    meta: CommandMeta,
    { services, stop_time }: StackRunChoice = {},
  ): Promise<WriteResult> {
    const stack = this.stack(idOrName);
    const [request] = STACK_ACTIONS[action];
    // Starting, pausing or pulling stops nothing: `stop_time` has nothing to time there.
    const timeout = STOPPING.has(action) ? stopTimeout(stop_time) : {};
    return this.execute(stack, action, meta, async (ctx, server) => {
      const registry = action === 'PullStack' ? this.source.registry(ctx, stack) : undefined;
      const log = await this.agents.stream(
        request,
        server,
        ctx.output,
        { ...composeTarget(stack), services, ...(registry ? { registry } : {}), ...timeout },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs([log]);
    });
  }

  services(idOrName: string) {
    const stack = this.stack(idOrName);
    return this.agents.ask(AGENT.ComposePs, this.server(stack), composeTarget(stack));
  }

  async log(idOrName: string, tail: number, services?: string[], timestamps = false) {
    const stack = this.stack(idOrName);
    const answer = await this.agents.ask(AGENT.GetComposeLog, this.server(stack), {
      stack: stack.id,
      project: stackProjectName(stack),
      tail,
      services,
      ...(timestamps ? { timestamps } : {}),
    });
    // A service may print what it was given: no secret leaves through its log.
    return knownSecrets(this.readModel, this.keyring).redactDeep(answer);
  }

  stack(idOrName: string): Resource<'Stack'> {
    const stack = this.readModel.resource('Stack', idOrName);
    if (!stack) throw notFound(`no Stack has the name or id '${idOrName}'`);
    return stack;
  }

  /** The newest successful deploy's record: what runs now, as far as Monitor knows. */
  lastDeploy(stackId: string): Record<string, unknown> | undefined {
    return recordedRuns(this.readModel.executions.forTarget('Stack', stackId), STACK_DEPLOYS)[0]
      ?.otherData;
  }

  /** DeployStackIfChanged's decision against the last deploy, logged as its own stage. */
  private async plan(
    ctx: ExecutionContext,
    stack: Resource<'Stack'>,
    prepared: PreparedStack,
    hashes: StackHashes,
  ): Promise<IfChangedPlan> {
    const last = this.lastDeploy(stack.id);
    const plan = planDeployIfChanged(last, hashes, prepared.layout.config_files);
    await ctx.stage('check for changes', 'compare with the last deploy', async () => ({
      stdout: describePlan(plan, last?.commit_hash),
    }));
    return plan;
  }

  /**
   * `compose pull` before `up` (`auto_pull`). A failed pull is logged and `up` goes on with the
   * images already on the server; `up` itself fails if one is missing.
   */
  private async pull(
    ctx: ExecutionContext,
    server: Resource<'Server'>,
    target: ComposePullParams,
  ): Promise<void> {
    const log = await this.agents.stream(
      AGENT.ComposePull,
      server,
      ctx.output,
      target,
      AGENT_TIMEOUT,
    );
    const note = log.success ? '' : '\npull failed: compose up uses the images on the server\n';
    await ctx.appendLogs([{ ...log, stderr: `${log.stderr}${note}`, success: true }]);
  }

  /** A pre- or post-deploy command, run in its path inside the run directory. */
  /**
   * Compose files from git or the host are known only now: what they and the commands ask of
   * the host must be within the server's policy, or the config's writer must hold Terminal.
   */
  private async checkHostAccess(
    ctx: ExecutionContext,
    stack: Resource<'Stack'>,
    server: Resource<'Server'>,
    prepared: PreparedStack,
  ): Promise<void> {
    const files = prepared.contents.filter((f) => prepared.layout.files.includes(f.path));
    const powers = stackDeployPowers(stack.config, files);
    try {
      requireWriterHostAccess(this.readModel, stack, server, powers);
    } catch (error) {
      await ctx.stage('host access', 'what the compose files and commands ask of the host', () => {
        throw error;
      });
    }
  }

  private async systemCommand(
    ctx: ExecutionContext,
    server: Resource<'Server'>,
    stack: Resource<'Stack'>,
    stage: string,
    command: SystemCommand | undefined,
    fill: (text: string) => string,
  ): Promise<void> {
    if (!command?.command.trim()) return;
    const { run_directory } = composeTarget(stack);
    const log = await this.agents.stream(
      AGENT.RunStackCommand,
      server,
      ctx.output,
      {
        stack: stack.id,
        path: posix.join(run_directory, command.path.trim() || '.'),
        command: fill(command.command),
        stage,
      },
      AGENT_TIMEOUT,
    );
    await ctx.appendLogs([log]);
  }

  private server(stack: Resource<'Stack'>): Resource<'Server'> {
    const server = this.readModel.resource('Server', String(stack.config.server_id ?? ''));
    if (!server) {
      throw invalid(`Stack '${stack.name}' has no server: set config.server_id`, {
        field: 'config.server_id',
      });
    }
    return server;
  }

  private execute(
    stack: Resource<'Stack'>,
    operation: string,
    meta: CommandMeta,
    work: (ctx: ExecutionContext, server: Resource<'Server'>) => Promise<void>,
  ): Promise<WriteResult> {
    return this.executions.start({ type: 'Stack', id: stack.id }, operation, meta, async (ctx) => {
      let server!: Resource<'Server'>;
      await ctx.stage('server', `find the server of '${stack.name}'`, async () => {
        server = this.server(stack);
        return { stdout: server.name };
      });
      await work(ctx, server);
    });
  }
}
