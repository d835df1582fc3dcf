import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BusError } from '@monitor/bus';
import { actionStartupStream, inStartupPhase, type Resource } from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { eventMetadata, newId, systemMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { ScheduledRunStarter } from './scheduled-run-starter';
import { StartupGeneration, type Settled } from './startup-generation';

/** How long a start waits for a procedures replica to serve RunAction while the bus comes up. */
const BUS_WAIT_MS = 20_000;
const BUS_RETRY_MS = 250;

/** A recheck looks this long after the joined replicas would have been heard. */
const RECHECK_SLACK_MS = 1_000;

/**
 * Komodo's `run_at_startup`: when the installation starts, each Action with it runs once, as
 * the user who last wrote it (as a scheduled run does). Every replica of the generation tries
 * (see StartupGeneration); the one that creates the action's start-up claim runs it.
 */
@Injectable()
export class StartupRuns implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StartupRuns.name);
  private recheck?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly generation: StartupGeneration,
    private readonly starter: ScheduledRunStarter,
    private readonly runner: ExecutionRunner,
  ) {}

  /**
   * Settles this replica's generation before it serves anything. A replica that begins one is
   * alone: the Action runs left unfinished are a stopped installation's, and end interrupted (a
   * replica joining others leaves them: theirs may be running, until a recheck finds them all
   * gone). The start-up runs go over the bus, which serves once the boot is over: not awaited.
   */
  async onApplicationBootstrap(): Promise<void> {
    const bootAt = Date.now();
    const settled = await this.generation.settle();
    if (settled.began) await this.begun(settled, bootAt);
    else this.recheckLater(bootAt);
  }

  onApplicationShutdown(): void {
    clearTimeout(this.recheck);
  }

  private async begun(settled: Settled, bootAt: number): Promise<void> {
    await this.runner.interruptUnfinished(['Action'], systemMeta(), bootAt);
    if (!inStartupPhase(settled, Date.now())) return;
    void this.runAll(settled.generation).catch((error: Error) =>
      this.logger.error(`start-up runs failed: ${error.message}`),
    );
  }

  /** The replicas joined may have been killed without a word: once they would have spoken, look. */
  private recheckLater(bootAt: number): void {
    this.recheck = setTimeout(() => {
      void this.generation
        .recheck()
        .then((settled) => (settled?.began ? this.begun(settled, bootAt) : undefined))
        .catch((error: Error) => this.logger.error(`start-up recheck failed: ${error.message}`));
    }, this.generation.liveForMs + RECHECK_SLACK_MS);
    this.recheck.unref();
  }

  private async runAll(generation: string): Promise<void> {
    const actions = this.readModel.list('Action').filter((a) => a.config.run_at_startup);
    await Promise.all(actions.map((action) => this.run(action, generation)));
  }

  private async run(action: Resource<'Action'>, generation: string): Promise<void> {
    const updateId = newId();
    const claimId = newId();
    const meta = { userId: 'system', via: 'system' as const, correlationId: claimId };
    try {
      await this.store.append(
        actionStartupStream(action.id, generation),
        [
          {
            id: claimId,
            type: 'ActionStartupClaimed',
            data: { action: action.id, generation, replica: this.generation.replica, updateId },
            metadata: eventMetadata(meta),
          },
        ],
        'no_stream',
      );
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return;
      throw error;
    }
    try {
      await this.whenServed(() => this.starter.start(action, { updateId }));
      this.logger.log(`Action '${action.name}' run at start-up (update ${updateId})`);
    } catch (error) {
      this.logger.error(
        `Action '${action.name}' did not run at start-up: ${(error as Error).message}`,
      );
    }
  }

  private async whenServed<T>(send: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + BUS_WAIT_MS;
    for (;;) {
      try {
        return await send();
      } catch (error) {
        const unserved = error instanceof BusError && error.code === 'UNAVAILABLE';
        if (!unserved || Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, BUS_RETRY_MS));
      }
    }
  }
}
