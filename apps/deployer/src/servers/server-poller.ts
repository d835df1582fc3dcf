import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AgentError, callAgent } from '@monitor/agent-client';
import { AGENT, type AgentAnswerOf } from '@monitor/contracts';
import type { MonitorConfig } from '@monitor/config';
import {
  decideServerStatus,
  serverStatusStream,
  type Resource,
  type ServerState,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { ServerAgents } from '@monitor/executions';
import { ContainerObservers, type ListedContainer } from '../observation/container-observers';
import { recordObserved } from '../observation/record-observed';
import { ServerObservations, type Observation } from './server-observations';

/** A server is polled at once when created or changed: its address, passkey or `enabled`. */
const POLL_AT_ONCE = new Set(['CreateServer', 'UpdateServer']);

/**
 * Polls every enabled server on the monitoring interval: its state and version, its stats. Each
 * poll has its own timeout and runs beside the others; a server whose last poll is still out is
 * skipped this round rather than piled up. A server created or changed is polled at once rather
 * than at the next round, so that nobody sees it unreachable only because it was not polled yet.
 */
@Injectable()
export class ServerPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ServerPoller.name);
  private readonly inFlight = new Map<string, Promise<Observation | undefined>>();
  private timer?: NodeJS.Timeout;
  private stopListening?: () => void;

  constructor(
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agents: ServerAgents,
    private readonly observations: ServerObservations,
    private readonly containerObservers: ContainerObservers,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.monitoring.enabled) return;
    // A round fails as a whole only when recording fails (the store); the next round retries.
    const round = () =>
      this.tick().catch((error: unknown) =>
        this.logger.error(`a polling round failed: ${(error as Error).message}`),
      );
    this.timer = setInterval(() => void round(), this.config.monitoring.interval_ms);
    this.timer.unref();
    this.stopListening = this.readModel.onUpdate(({ operation, target }) => {
      if (target.type !== 'Server' || !POLL_AT_ONCE.has(operation)) return;
      this.pollNow(target.id).catch((error: Error) =>
        this.logger.error(`polling server ${target.id} after its change failed: ${error.message}`),
      );
    });
    void round();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.stopListening?.();
  }

  /**
   * Polls one server now; resolves once its state is recorded (at once when monitoring is off or
   * the server is gone). A poll already out is let finish first, since it may have used the
   * server's former address; one started meanwhile is as fresh as ours, and its round records it.
   */
  async pollNow(serverId: string): Promise<void> {
    if (!this.config.monitoring.enabled) return;
    await this.inFlight.get(serverId);
    const meanwhile = this.inFlight.get(serverId);
    if (meanwhile) return void (await meanwhile);
    const server = this.readModel.resourceById('Server', serverId);
    if (!server) return;
    const observation = await this.pollOne(server, []);
    if (observation) await this.observations.recordMany([observation]);
  }

  /** Resolves once the server's state is known: the poll out is awaited, or one is made. */
  async polled(serverId: string): Promise<void> {
    const out = this.inFlight.get(serverId);
    if (out) await out;
    else await this.pollNow(serverId);
  }

  /**
   * One round: polls all servers not already being polled; resolves when they are done, to how
   * long each poll took (ms) — what `bench/polling` reports.
   */
  async tick(): Promise<number[]> {
    const servers = this.readModel.list('Server').filter((s) => !this.inFlight.has(s.id));
    const durations: number[] = [];
    const results = await Promise.all(servers.map((server) => this.pollOne(server, durations)));
    await this.observations.recordMany(results.filter((r): r is Observation => r !== undefined));
    return durations;
  }

  private pollOne(
    server: Resource<'Server'>,
    durations: number[],
  ): Promise<Observation | undefined> {
    const poll = this.observeAndRecord(server, durations).finally(() =>
      this.inFlight.delete(server.id),
    );
    this.inFlight.set(server.id, poll);
    return poll;
  }

  private async observeAndRecord(
    server: Resource<'Server'>,
    durations: number[],
  ): Promise<Observation | undefined> {
    const start = performance.now();
    try {
      const observation = await this.observe(server);
      await this.observeContainers(server, observation.state);
      durations.push(performance.now() - start);
      await this.recordStatus(server, observation);
      return observation;
    } catch (error) {
      this.logger.error(`polling server '${server.name}' failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async observe(server: Resource<'Server'>): Promise<Observation> {
    const { config } = server;
    const at = Date.now();
    if (!config.enabled) return { server, at, state: 'Disabled', reason: '', version: '' };
    const timeout = this.config.monitoring.timeout_ms;
    try {
      const address = this.agents.address(server);
      // Called directly, not through ServerAgents: the answer's fingerprint is what gets pinned.
      const { body, fingerprint } = await callAgent<AgentAnswerOf<typeof AGENT.GetVersion>>(
        address,
        AGENT.GetVersion.name,
        {},
        timeout,
      );
      const stats = config.stats_monitoring
        ? (
            await callAgent<AgentAnswerOf<typeof AGENT.GetSystemStats>>(
              address,
              AGENT.GetSystemStats.name,
              {},
              timeout,
            )
          ).body
        : undefined;
      return { server, at, state: 'Ok', reason: '', version: body.version, fingerprint, stats };
    } catch (error) {
      const reason =
        error instanceof AgentError || error instanceof Error ? error.message : String(error);
      return { server, at, state: 'NotOk', reason, version: '' };
    }
  }

  /**
   * The containers of the server's deployments and stacks, only when it has some (one more
   * call, shared by both).
   */
  private async observeContainers(server: Resource<'Server'>, state: ServerState): Promise<void> {
    const observers = this.containerObservers.on(server.id);
    if (!observers.length) return;
    let containers: ListedContainer[] | 'unreachable' = 'unreachable';
    if (state === 'Ok') {
      containers = await this.agents
        .call(AGENT.ListDockerContainers, server, {}, this.config.monitoring.timeout_ms)
        .catch(() => 'unreachable' as const);
    }
    for (const observer of observers) await observer.observe(server, containers);
  }

  private async recordStatus(
    server: Resource<'Server'>,
    observed: { state: ServerState; reason: string; version: string; fingerprint?: string },
  ) {
    const events = decideServerStatus(this.readModel.serverStatus.status(server.id), observed);
    if (!events.length) return;
    const { position } = await recordObserved(this.store, serverStatusStream(server.id), events);
    // Read back before the poll counts as done: whoever awaited it reads the state it saw.
    await this.readModel.waitFor(position);
  }
}
