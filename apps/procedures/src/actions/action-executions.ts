import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  forbidden,
  interpolate,
  invalid,
  mergeActionArguments,
  notFound,
  parseActionArguments,
  type Resource,
} from '@monitor/domain';
import { ExecutionRunner, whenCompleted, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import {
  configWriterOf,
  variableLookup,
  type CommandMeta,
  type WriteResult,
} from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { runInSandbox } from './action-sandbox';
import { RunApiKeys } from './run-api-key';
import { RunningActions } from './running-actions';

/** Cancels get a runner of their own: the Action's queue holds the RunAction they stop. */
export const ACTION_CANCEL_RUNNER = Symbol('ACTION_CANCEL_RUNNER');

/** How long a CancelAction waits for the run to stop before it says so. */
const CANCEL_WAIT_MS = 30_000;

const STAGE = 'Execute Action';

/**
 * An Action's runs. The script acts as the action's user: the one who last wrote its config (as
 * executions use that user's secrets), so an action can do no more than its author could. Komodo
 * runs it as a service user with every right instead.
 */
@Injectable()
export class ActionExecutions {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    @Inject(KEYRING) private readonly keyring: Keyring,
    private readonly runner: ExecutionRunner,
    @Inject(ACTION_CANCEL_RUNNER) private readonly cancelRunner: ExecutionRunner,
    private readonly keys: RunApiKeys,
    private readonly running: RunningActions,
  ) {}

  /** Bad arguments or an author Monitor no longer knows are refused before anything runs. */
  async run(
    idOrName: string,
    args: Record<string, unknown> | undefined,
    meta: CommandMeta,
  ): Promise<WriteResult> {
    const action = this.action(idOrName);
    this.argumentsOf(action, args);
    this.author(action);
    return this.runner.start({
      operation: 'RunAction',
      target: { type: 'Action', id: action.id },
      meta,
      work: (ctx) => this.work(ctx, action.id, args, meta),
    });
  }

  /**
   * Komodo's CancelAction: stops the running script (its process group), or the run whose Update
   * is `updateId`, and waits for it to end.
   */
  async cancel(
    idOrName: string,
    updateId: string | undefined,
    meta: CommandMeta,
  ): Promise<WriteResult> {
    const action = this.action(idOrName);
    return this.cancelRunner.start({
      operation: 'CancelAction',
      target: { type: 'Action', id: action.id },
      meta,
      work: async (ctx) => {
        await ctx.stage('cancel', `stop the running action '${action.name}'`, async () => {
          const running = this.readModel.executions
            .forTarget('Action', action.id)
            .find(
              (x) =>
                x.operation === 'RunAction' &&
                x.status === 'InProgress' &&
                (!updateId || x.id === updateId),
            );
          if (!running)
            throw new Error(
              `Action '${action.name}' has no running run${updateId ? ` with Update ${updateId}` : ''}`,
            );
          if (!(await whenCompleted(this.readModel, running.id, CANCEL_WAIT_MS)))
            throw new Error(`the action did not stop within ${CANCEL_WAIT_MS / 1000} s`);
          return { stdout: 'the action was stopped' };
        });
      },
    });
  }

  action(idOrName: string): Resource<'Action'> {
    const action = this.readModel.resource('Action', idOrName);
    if (!action) throw notFound(`no Action has the name or id '${idOrName}'`);
    return action;
  }

  private async work(
    ctx: ExecutionContext,
    actionId: string,
    runArgs: Record<string, unknown> | undefined,
    meta: CommandMeta,
  ): Promise<void> {
    // What the action is when it runs (it may have waited in the queue).
    const action = this.action(actionId);
    const author = this.author(action);
    const args = this.argumentsOf(action, runArgs);
    const limits = {
      timeoutMs: this.config.actions.timeout_ms,
      memoryMb: this.config.actions.memory_mb,
    };
    const { signal, end } = this.running.begin(action.id);
    const key = await this.keys.create(author.id, action.name, limits.timeoutMs, meta);
    ctx.secret(key.secret);
    try {
      await ctx.stage(STAGE, `run '${action.name}' as ${author.label}`, async () => {
        // As Komodo: [[VARIABLE]]s filled in with the author's rights, secrets masked.
        const filled = interpolate(
          action.config.file_contents,
          variableLookup(this.readModel, this.keyring, action),
        );
        for (const secret of filled.secrets) ctx.secret(secret);
        const outcome = await runInSandbox({
          fileContents: filled.text,
          context: { url: this.apiUrl(), ...key, args },
          limits,
          signal,
          onLine: (stream, line) => ctx.output({ stage: STAGE, stream, text: `${line}\n` }),
        });
        const stderr = [outcome.stderr.trimEnd(), outcome.failure].filter(Boolean).join('\n');
        return { stdout: outcome.stdout, stderr, success: !outcome.failure };
      });
    } catch (error) {
      if (!signal.aborted) throw error;
      // As a cancelled build: a stage saying so, and no ActionFailed alert.
      await ctx.stage('Action Cancelled', 'CancelAction', async () => ({
        success: false,
        stderr: 'the action was cancelled: its process group was stopped',
      }));
    } finally {
      end();
      await this.keys.delete(author.id, key.key, meta);
    }
  }

  private apiUrl(): string {
    return this.config.actions.api_url || `http://127.0.0.1:${this.config.port}`;
  }

  private argumentsOf(action: Resource<'Action'>, runArgs: Record<string, unknown> | undefined) {
    const parsed = parseActionArguments(action.config.arguments_format, action.config.arguments);
    if (!parsed.ok) throw invalid(parsed.message, { field: 'config.arguments' });
    return mergeActionArguments(parsed.args, runArgs);
  }

  private author(action: Resource<'Action'>) {
    const writer = configWriterOf(this.readModel, action);
    if (!writer.user?.enabled)
      throw forbidden(
        `Action '${action.name}' runs as the user who last wrote its config, ${writer.label}, who is not an enabled user: an admin can save its config to run it as themselves`,
      );
    return writer;
  }
}
