import { Inject, Injectable } from '@nestjs/common';
import { interpolate, notFound, type ExecutionLog, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import {
  ExecutionRunner,
  knownSecrets,
  type CommandMeta,
  type ExecutionContext,
  type WriteResult,
} from '@monitor/resources';
import { KEYRING, READ_MODEL } from '@monitor/runtime';
import { isSealed, type Keyring } from '@monitor/secrets';
import { ServerAgents } from '../servers/server-agents';

/** The stack actions besides DeployStack and DestroyStack: the agent request and the stage name. */
export const STACK_ACTIONS = {
  StartStack: ['ComposeStart', 'start stack'],
  StopStack: ['ComposeStop', 'stop stack'],
  RestartStack: ['ComposeRestart', 'restart stack'],
  PauseStack: ['ComposePause', 'pause stack'],
  UnpauseStack: ['ComposeUnpause', 'unpause stack'],
  PullStack: ['ComposePull', 'pull images'],
} as const;
export type StackAction = keyof typeof STACK_ACTIONS;

const AGENT_TIMEOUT = 10 * 60_000;
const COMPOSE_FILE = 'compose.yaml';
const ENV_FILE = '.env';

/**
 * Stacks written in the UI (`file_contents`): the compose text and the environment are
 * interpolated and written to the stack's folder on its server, then compose runs there.
 * Each execution answers an Update at once; compose's own output is its log.
 */
@Injectable()
export class StackExecutions {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    private readonly runner: ExecutionRunner,
    private readonly agents: ServerAgents,
  ) {}

  deploy(idOrName: string, meta: CommandMeta, services?: string[]): Promise<WriteResult> {
    const stack = this.stack(idOrName);
    return this.execute(stack, 'DeployStack', meta, async (ctx, server) => {
      // What the stack is when the deploy runs (it may have waited in the queue).
      const config = this.stack(stack.id).config as {
        file_contents: string;
        environment: string;
        repo: string;
        extra_args: string[];
      };
      if (!config.file_contents.trim()) {
        await ctx.stage('prepare', 'compose files', async () => {
          throw new Error(
            config.repo
              ? 'stacks from a git repository are not deployable yet; set file_contents'
              : 'the stack has no compose file: set file_contents',
          );
        });
      }
      let files!: { path: string; contents: string }[];
      let env: { path: string; contents: string } | undefined;
      await ctx.stage(
        'prepare',
        'interpolate [[VARIABLES]] in the compose file and environment',
        async () => {
          const compose = this.interpolate(config.file_contents, ctx);
          files = [{ path: COMPOSE_FILE, contents: compose }];
          env = config.environment.trim()
            ? { path: ENV_FILE, contents: this.interpolate(config.environment, ctx) }
            : undefined;
          return { stdout: `files: ${COMPOSE_FILE}${env ? `, ${ENV_FILE}` : ''}` };
        },
      );
      const written = await this.agents.call<ExecutionLog>(
        server,
        'WriteComposeFiles',
        { stack: stack.id, files, env },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs([written]);
      const up = await this.agents.call<{ logs: ExecutionLog[] }>(
        server,
        'ComposeUp',
        { ...this.target(stack), env_file: env?.path, services, extra_args: config.extra_args },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs(up.logs);
      await ctx.record({
        project: this.project(stack),
        files: [COMPOSE_FILE],
        config_revision: stack.revision,
      });
    });
  }

  destroy(idOrName: string, meta: CommandMeta, removeVolumes = false): Promise<WriteResult> {
    const stack = this.stack(idOrName);
    return this.execute(stack, 'DestroyStack', meta, async (ctx, server) => {
      const log = await this.agents.call<ExecutionLog>(
        server,
        'ComposeDown',
        { ...this.target(stack), remove_volumes: removeVolumes },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs([log]);
    });
  }

  action(
    action: StackAction,
    idOrName: string,
    meta: CommandMeta,
    services?: string[],
  ): Promise<WriteResult> {
    const stack = this.stack(idOrName);
    const [request] = STACK_ACTIONS[action];
    return this.execute(stack, action, meta, async (ctx, server) => {
      const log = await this.agents.call<ExecutionLog>(
        server,
        request,
        { ...this.target(stack), services },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs([log]);
    });
  }

  services(idOrName: string) {
    const stack = this.stack(idOrName);
    return this.agents.call(this.server(stack), 'ComposePs', this.target(stack));
  }

  async log(idOrName: string, tail: number, services?: string[]) {
    const stack = this.stack(idOrName);
    const answer = await this.agents.call(this.server(stack), 'GetComposeLog', {
      project: this.project(stack),
      tail,
      services,
    });
    // A service may print what it was given: no secret leaves through its log.
    return knownSecrets(this.readModel, this.keyring).redactDeep(answer);
  }

  stack(idOrName: string): Resource {
    const stack = this.readModel.resource('Stack', idOrName);
    if (!stack) throw notFound(`no Stack has the name or id '${idOrName}'`);
    return stack;
  }

  /** Compose's project: `project_name`, else the stack's name as compose accepts it. */
  project(stack: Resource): string {
    const given = String(stack.config.project_name ?? '').trim();
    return (
      given ||
      stack.name
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '_')
        .replace(/^[^a-z0-9]+/, '') ||
      stack.id
    );
  }

  private target(stack: Resource) {
    return { stack: stack.id, project: this.project(stack), files: [COMPOSE_FILE] };
  }

  private server(stack: Resource): Resource {
    const server = this.readModel.resource('Server', String(stack.config.server_id ?? ''));
    if (!server) throw new Error(`Stack '${stack.name}' has no server: set config.server_id`);
    return server;
  }

  private interpolate(text: string, ctx: ExecutionContext): string {
    const { text: result, secrets } = interpolate(text, (name) => {
      const variable = this.readModel.settings.variable(name);
      if (!variable) return undefined;
      const value = isSealed(variable.value)
        ? this.keyring.open(variable.value)
        : String(variable.value);
      return { value, isSecret: variable.isSecret };
    });
    for (const secret of secrets) ctx.secret(secret);
    return result;
  }

  private async execute(
    stack: Resource,
    operation: string,
    meta: CommandMeta,
    work: (ctx: ExecutionContext, server: Resource) => Promise<void>,
  ): Promise<WriteResult> {
    const { id, position } = await this.runner.start({
      operation,
      target: { type: 'Stack', id: stack.id },
      meta,
      work: async (ctx) => {
        let server!: Resource;
        await ctx.stage('server', `find the server of '${stack.name}'`, async () => {
          server = this.server(stack);
          return { stdout: server.name };
        });
        await work(ctx, server);
      },
    });
    return { id, position };
  }
}
