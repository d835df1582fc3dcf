import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  liveGeneration,
  liveReplicas,
  REPLICA_ALIVE_EVERY_MS,
  REPLICA_LIVE_FOR_MS,
  settledGeneration,
  startupStream,
  startupStreamsAround,
  type Generation,
  type StartupEvent,
  type StartupEventType,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { eventMetadata, newId } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG } from '@monitor/runtime';
import { replicaName } from '../replica-name';

export interface Settled extends Generation {
  /** This replica began the generation the installation settled on: no other one was running. */
  began: boolean;
}

/**
 * This replica's generation (see libs/domain/src/schedule/startup.ts): joined or begun when it
 * starts, said alive every minute, left when it stops cleanly.
 */
@Injectable()
export class StartupGeneration implements OnApplicationShutdown {
  private readonly logger = new Logger(StartupGeneration.name);
  readonly replica: string;
  /**
   * How long a silent replica counts as alive (shorter only in tests: `[testing]`); this replica
   * speaks at least twice meanwhile.
   */
  readonly liveForMs: number;
  private readonly aliveEveryMs: number;
  private current?: Generation;
  /** The replicas alive when this one joined their generation. */
  private readonly joined = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
  ) {
    this.replica = replicaName(config);
    this.liveForMs = config.testing.replica_live_for_ms || REPLICA_LIVE_FOR_MS;
    this.aliveEveryMs = Math.min(REPLICA_ALIVE_EVERY_MS, this.liveForMs / 2.5);
  }

  /**
   * After joining, once a silent replica would have been heard: when none of the replicas that
   * were alive when this one joined still is, they had stopped (killed, with no word), and this
   * replica begins a generation of its own. Undefined while one of them is alive.
   */
  async recheck(): Promise<Settled | undefined> {
    const live = liveReplicas(await this.read(), this.replica, Date.now(), this.liveForMs);
    if (live.some((e) => this.joined.has(e.data.replica))) return undefined;
    return this.begin(await this.store.headPosition());
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    if (this.current) await this.say('ReplicaStopped');
  }

  /** Joins the generation of the replicas alive, or begins one when none is. */
  async settle(): Promise<Settled> {
    const seenUpTo = await this.store.headPosition();
    const events = await this.read();
    const alive = liveGeneration(events, this.replica, Date.now(), this.liveForMs);
    if (!alive) return this.begin(seenUpTo);
    for (const e of liveReplicas(events, this.replica, Date.now(), this.liveForMs)) {
      this.joined.add(e.data.replica);
    }
    this.current = alive;
    await this.say('ReplicaAlive');
    this.logger.log(
      `joined start-up generation ${alive.generation} of ${[...this.joined].join(', ')}`,
    );
    this.keepAlive();
    return { ...alive, began: false };
  }

  private async begin(seenUpTo: number): Promise<Settled> {
    const mine = { generation: newId(), begunAt: Date.now() };
    this.current = mine;
    await this.say('StartupGenerationBegun');
    // Replicas that began one at once settle on the first begun.
    this.current = settledGeneration(await this.read(), seenUpTo) ?? mine;
    // Adopting another's: said at once, so that a replica joining now finds the one settled on.
    if (this.current.generation !== mine.generation) await this.say('ReplicaAlive');
    this.logger.log(`start-up generation ${this.current.generation}`);
    this.keepAlive();
    return { ...this.current, began: this.current.generation === mine.generation };
  }

  private keepAlive(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.say('ReplicaAlive')
        .catch((error: Error) => this.logger.error(`saying it is alive failed: ${error.message}`))
        .finally(() => this.keepAlive());
    }, this.aliveEveryMs);
    this.timer.unref();
  }

  private async say(type: StartupEventType): Promise<void> {
    const id = newId();
    const metadata = eventMetadata({ userId: 'system', via: 'system', correlationId: id });
    await this.store.append(
      startupStream(Date.now()),
      [{ id, type, data: { ...this.current, replica: this.replica }, metadata }],
      'any',
    );
  }

  private async read(): Promise<StartupEvent[]> {
    const streams = await Promise.all(
      startupStreamsAround(Date.now()).map((s) => this.store.readStream(s)),
    );
    return streams.flat().map((e) => ({
      type: e.type as StartupEventType,
      data: e.data as StartupEvent['data'],
      at: e.metadata.at,
      position: e.position,
    }));
  }
}
