import { createEventStore, type EventStoreHandle, type StoredEvent } from '@monitor/eventstore';
import { natsUrl } from '../test-env';
import { api, signUp, type ApiClient } from './api';
import { startProcess, type MonitorProcess } from './process-monitor';

/**
 * The processes of one distributed installation that a test starts, kills and adds to itself,
 * as replicas: all on the test's NATS with a JetStream store of their own (a stream named for
 * the test), each named by `MONITOR_PROCEDURES_REPLICA` and `MONITOR_ALERTER_REPLICA`, sign-ups
 * on. `stop` ends them all and
 * closes the test's own reading of the store.
 */
export class Replicas {
  private readonly env: Record<string, string>;
  private readonly started: MonitorProcess[] = [];
  private handle?: Promise<EventStoreHandle>;

  constructor(name: string, env: Record<string, string> = {}) {
    const suffix = `${process.pid}_${Date.now()}`;
    this.env = {
      MONITOR_NATS_URL: natsUrl(),
      MONITOR_EVENT_STORE_KIND: 'jetstream',
      MONITOR_EVENT_STORE_STREAM: `E2E_${name.toUpperCase()}_${suffix}`,
      MONITOR_EVENT_STORE_SUBJECT_PREFIX: `e2e_${name}_${suffix}`,
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      ...env,
    };
  }

  /**
   * Starts the gateway, answered once it answers HTTP, or a service as the replica `replica`,
   * answered once it serves on NATS; `extra` over the shared settings.
   */
  async start(
    app: string,
    replica: string,
    extra: Record<string, string> = {},
  ): Promise<MonitorProcess> {
    const named = { MONITOR_PROCEDURES_REPLICA: replica, MONITOR_ALERTER_REPLICA: replica };
    const env = { ...this.env, ...named, ...extra };
    const started = await startProcess(app, env, { http: app === 'gateway' });
    this.started.push(started);
    return started;
  }

  /** Starts the gateway and signs up the first user, the admin. */
  async startGateway(): Promise<{ gateway: MonitorProcess; admin: ApiClient }> {
    const gateway = await this.start('gateway', 'gateway');
    return { gateway, admin: api(gateway.url, await signUp(gateway.url, 'admin')) };
  }

  /** Every event of the installation in streams whose name starts with `prefix`. */
  async events(prefix: string): Promise<StoredEvent[]> {
    this.handle ??= createEventStore({
      kind: 'jetstream',
      servers: natsUrl(),
      stream: this.env.MONITOR_EVENT_STORE_STREAM,
      prefix: this.env.MONITOR_EVENT_STORE_SUBJECT_PREFIX,
    });
    const all = await (await this.handle).store.readAll(0, 1_000_000);
    return all.filter((e) => e.stream.startsWith(prefix));
  }

  async stop(): Promise<void> {
    await Promise.all(this.started.map((p) => p.stop()));
    await (await this.handle)?.store.close();
  }
}

/** Until the process has ended (a SIGKILL it sent itself, one the test sent). */
export function exited(process: MonitorProcess): Promise<void> {
  return new Promise((resolve) => {
    if (process.child.exitCode !== null || process.child.signalCode !== null) resolve();
    else process.child.once('exit', () => resolve());
  });
}
