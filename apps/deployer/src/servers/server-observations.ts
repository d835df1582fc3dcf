import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  alertDecider,
  evaluateServerHealth,
  toAlertCommand,
  type Resource,
  type ServerHealthPending,
  type ServerState,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, newId, systemMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import type { StatsHistory, SystemStatsRecord } from '@monitor/stats';
import { STATS_HISTORY } from './stats-history.provider';

/** Komodo's SystemStats as the agent answers it. */
export interface AgentStats {
  cpu_perc: number;
  mem_used_gb: number;
  mem_total_gb: number;
  disks: { mount: string; file_system?: string; used_gb: number; total_gb: number }[];
  load_average?: { one: number; five: number; fifteen: number };
  network_ingress_bytes?: number;
  network_egress_bytes?: number;
}

export interface Observation {
  server: Resource<'Server'>;
  at: number;
  state: ServerState;
  reason: string;
  version: string;
  fingerprint?: string;
  stats?: AgentStats;
}

/** What polling saw: the latest stats, the stats history, and the alerts it opens or resolves. */
@Injectable()
export class ServerObservations {
  private readonly logger = new Logger(ServerObservations.name);
  private readonly latest = new Map<string, AgentStats>();
  private readonly pending = new Map<string, ServerHealthPending>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(STATS_HISTORY) private readonly statsHistory: StatsHistory,
  ) {}

  latestStats(serverId: string): AgentStats | undefined {
    return this.latest.get(serverId);
  }

  history(serverId: string, granularity: string, page: number) {
    return this.statsHistory.query(serverId, { granularity, page });
  }

  /** One round of polls: stats recorded in one batch, then each server's alerts decided. */
  async recordMany(observations: Observation[]): Promise<void> {
    const records: { serverId: string; record: SystemStatsRecord }[] = [];
    for (const o of observations) {
      if (!o.stats) continue;
      this.latest.set(o.server.id, o.stats);
      records.push({ serverId: o.server.id, record: toRecord(o.at, o.stats) });
    }
    if (records.length) await this.statsHistory.recordMany(records);
    for (const observation of observations) {
      await this.evaluate(observation).catch((error: Error) =>
        this.logger.error(`alerts of server '${observation.server.name}': ${error.message}`),
      );
    }
  }

  private async evaluate({ server, state, reason, stats }: Observation): Promise<void> {
    if (state === 'Disabled' || (state === 'Ok' && !stats)) return;
    const observation =
      state === 'Ok' && stats
        ? { reachable: true as const, stats }
        : { reachable: false as const, err: { error: reason, trace: [] } };
    const open = this.readModel.alerts
      .openFor('Server', server.id)
      .map(({ id, level, data }) => ({ id, level, data }));
    const { decisions, pending } = evaluateServerHealth({
      server: {
        id: server.id,
        name: server.name,
        config: server.config,
      },
      observation,
      open,
      pending: this.pending.get(server.id),
    });
    this.pending.set(server.id, pending);
    for (const decision of decisions) {
      const { stream, command } = toAlertCommand(decision, Date.now(), newId);
      const { position } = await handleCommand(
        this.store,
        stream,
        alertDecider,
        command,
        systemMeta(),
      );
      await this.readModel.waitFor(position);
    }
  }
}

function toRecord(ts: number, stats: AgentStats): SystemStatsRecord {
  const disk_used_gb = stats.disks.reduce((sum, d) => sum + d.used_gb, 0);
  const disk_total_gb = stats.disks.reduce((sum, d) => sum + d.total_gb, 0);
  return {
    ts,
    cpu_perc: stats.cpu_perc,
    mem_used_gb: stats.mem_used_gb,
    mem_total_gb: stats.mem_total_gb,
    disk_used_gb,
    disk_total_gb,
    disks: stats.disks.map(({ mount, file_system = '', used_gb, total_gb }) => ({
      mount,
      file_system,
      used_gb,
      total_gb,
    })),
    network_ingress_bytes: stats.network_ingress_bytes ?? 0,
    network_egress_bytes: stats.network_egress_bytes ?? 0,
    load_average: stats.load_average,
  };
}
