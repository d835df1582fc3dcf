import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { MONITOR_CONFIG, natsServers } from '@monitor/runtime';
import {
  JetStreamStatsHistory,
  MemoryStatsHistory,
  SqliteStatsHistory,
  type StatsHistory,
} from '@monitor/stats';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const STATS_HISTORY = Symbol('STATS_HISTORY');

/**
 * Where server stats history lives: beside the event store, with the configured retention —
 * a SQLite file of its own in the embedded mode, a JetStream stream with a max age distributed.
 */
export const statsHistoryProvider: Provider = {
  provide: STATS_HISTORY,
  inject: [MONITOR_CONFIG],
  useFactory: async (config: MonitorConfig): Promise<StatsHistory> => {
    const retentionMs = config.monitoring.stats_retention_ms;
    switch (config.event_store.kind) {
      case 'sqlite': {
        const dir = resolve(config.data_dir);
        mkdirSync(dir, { recursive: true });
        return new SqliteStatsHistory(join(dir, 'stats.sqlite'), { retentionMs });
      }
      case 'memory':
        return new MemoryStatsHistory();
      default: {
        const connection = await connect({
          servers: natsServers(config),
          name: 'deployer-stats',
          maxReconnectAttempts: -1,
        });
        const history = await JetStreamStatsHistory.open(connection, {
          stream: `${config.event_store.stream}_STATS`,
          prefix: `${config.event_store.subject_prefix}-stats`,
          maxAgeMs: retentionMs,
        });
        return closingConnection(history, connection);
      }
    }
  },
};

/** The stats history closes the NATS connection it was given when it closes. */
function closingConnection(history: StatsHistory, connection: NatsConnection): StatsHistory {
  const close = history.close.bind(history);
  history.close = async () => {
    await close();
    await connection.drain();
  };
  return history;
}

/** Closes the stats history with the app. */
@Injectable()
export class StatsHistoryCloser implements OnApplicationShutdown {
  constructor(@Inject(STATS_HISTORY) private readonly history: StatsHistory) {}

  async onApplicationShutdown(): Promise<void> {
    await this.history.close();
  }
}
