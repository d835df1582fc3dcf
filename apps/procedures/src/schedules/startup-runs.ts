import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BusError } from '@monitor/bus';
import type { MonitorConfig } from '@monitor/config';
import {
  actionStartupStream,
  CLAIM_START_GRACE_MS,
  inStartupPhase,
  type Resource,
} from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { eventMetadata, newId, systemMeta } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { ScheduledRunStarter } from './scheduled-run-starter';
import { StartupGeneration, type Settled } from './startup-generation';
import { dieAfterClaimForTests } from './test-hooks';

/** How long a start waits for a procedures replica to serve RunAction while the bus comes up. */
const BUS_WAIT_MS = 20_000;
const BUS_RETRY_MS = 250;

/** A recheck looks this long after the joined replicas would have been heard. */
const RECHECK_SLACK_MS = 1_000;

/** What a start-up claim records: the run it starts, named before it starts. */
interface StartupClaim {
  action: string;
  generation: string;
  replica: string;
  updateId: string;
}

/**
 * Komodo's `run_at_startup`: when the installation starts, each Action with it runs once, as
 * the user who last wrote it (as a scheduled run does). Every replica of the generation tries
 * (see StartupGeneration); the one that creates the action's start-up claim runs it.
 */
@Injectable()
export class StartupRuns implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StartupRuns.name);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
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
    if (settled.began) return this.begun(settled, bootAt);
    this.recheckLater(bootAt);
    // Joining in the generation's first minute: its start-up claims are tried here too, so a
    // claim left unstarted by a replica that died is watched (see watch).
    this.runStartup(settled);
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private async begun(settled: Settled, bootAt: number): Promise<void> {
    await this.runner.interruptUnfinished(['Action'], systemMeta(), bootAt);
    this.runStartup(settled);
  }

  private runStartup(settled: Settled): void {
    if (!inStartupPhase(settled, Date.now())) return;
    void this.runAll(settled.generation).catch((error: Error) =>
      this.logger.error(`start-up runs failed: ${error.message}`),
    );
  }

  /** The replicas joined may have been killed without a word: once they would have spoken, look. */
  private recheckLater(bootAt: number): void {
    this.later(this.generation.liveForMs + RECHECK_SLACK_MS, async () => {
      const settled = await this.generation.recheck();
      if (settled?.began) await this.begun(settled, bootAt);
    });
  }

  private async runAll(generation: string): Promise<void> {
    const actions = this.readModel.list('Action').filter((a) => a.config.run_at_startup);
    await Promise.all(actions.map((action) => this.run(action, generation)));
  }

  private async run(action: Resource<'Action'>, generation: string): Promise<void> {
    const stream = actionStartupStream(action.id, generation);
    const claim: StartupClaim = {
      action: action.id,
      generation,
      replica: this.generation.replica,
      updateId: newId(),
    };
    if (!(await this.claim(stream, claim))) return this.watch(action.id, stream);
    dieAfterClaimForTests(this.config.testing);
    await this.start(action, claim.updateId, 'run at start-up');
  }

  /** Creates the start-up claim; false when another replica's is there. */
  private async claim(stream: string, claim: StartupClaim): Promise<boolean> {
    const id = newId();
    const metadata = eventMetadata({ userId: 'system', via: 'system', correlationId: id });
    try {
      await this.store.append(
        stream,
        [{ id, type: 'ActionStartupClaimed', data: claim, metadata }],
        'no_stream',
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  /**
   * The claimer may stop before it starts the run: once its grace is past, the run its claim
   * names is started here, unless it was (creating it is the "must not exist" write).
   */
  private watch(actionId: string, stream: string): void {
    this.later(CLAIM_START_GRACE_MS, async () => {
      const [event] = await this.store.readStream(stream);
      const claim = event?.data as StartupClaim | undefined;
      const action = this.readModel.resourceById('Action', actionId);
      if (!claim || !action || (await this.starter.started(claim))) return;
      const how = `run at start-up for replica ${claim.replica}, which claimed it`;
      await this.start(action, claim.updateId, how);
    });
  }

  private async start(action: Resource<'Action'>, updateId: string, how: string): Promise<void> {
    try {
      await this.whenServed(() => this.starter.start(action, { updateId }));
      this.logger.log(`Action '${action.name}' ${how} (update ${updateId})`);
    } catch (error) {
      // Another replica started it first: its Update exists.
      if (await this.starter.started({ updateId }).catch(() => false)) return;
      this.logger.error(
        `Action '${action.name}' did not run at start-up: ${(error as Error).message}`,
      );
    }
  }

  private later(ms: number, work: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void work().catch((error: Error) => this.logger.error(`start-up: ${error.message}`));
    }, ms);
    timer.unref();
    this.timers.add(timer);
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
