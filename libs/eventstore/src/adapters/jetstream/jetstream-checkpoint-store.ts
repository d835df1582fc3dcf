import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { CheckpointStore } from '../../checkpoints';
import { ensureStream } from './ensure-stream';
import { encodeStreamToken } from './subject-token';

export interface JetStreamCheckpointOptions {
  /** Default `MONITOR_EVENTS_CHECKPOINTS`. */
  stream?: string;
  /** Subjects are `<prefix>.<encoded name>`. Default `monitor.events-checkpoints`. */
  prefix?: string;
}

/**
 * Checkpoints as a small JetStream stream that keeps one message per subject, read back with
 * `last_by_subj`: what a NATS KV bucket is underneath, without needing `@nats-io/kv`.
 */
export class JetStreamCheckpointStore implements CheckpointStore {
  private constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
    private readonly prefix: string,
  ) {}

  /** On a connection the caller keeps and closes. Creates the JetStream stream if missing. */
  static async open(
    connection: NatsConnection,
    options: JetStreamCheckpointOptions = {},
  ): Promise<JetStreamCheckpointStore> {
    const stream = options.stream ?? 'MONITOR_EVENTS_CHECKPOINTS';
    const prefix = options.prefix ?? 'monitor.events-checkpoints';
    const jsm = await jetstreamManager(connection);
    await ensureStream(jsm, {
      name: stream,
      subjects: [`${prefix}.>`],
      storage: 'file',
      max_msgs_per_subject: 1,
    });
    return new JetStreamCheckpointStore(jetstream(connection), jsm, stream, prefix);
  }

  async load(name: string): Promise<number> {
    const last = await this.jsm.streams.getMessage(this.stream, {
      last_by_subj: this.subjectOf(name),
    });
    return last ? Number(last.string()) : 0;
  }

  async save(name: string, position: number): Promise<void> {
    await this.js.publish(this.subjectOf(name), String(position));
  }

  private subjectOf(name: string): string {
    return `${this.prefix}.${encodeStreamToken(name)}`;
  }
}
