import type { JetStreamClient, JsMsg, OrderedConsumerOptions } from '@nats-io/jetstream';

/** Where a read starts: a stream sequence, a NATS arrival time (ms), or the subject's start. */
export type ReadFrom = { seq: number } | { time: number } | 'first';

export interface ReadRange {
  stream: string;
  /** One subject filter: NATS 2.9 consumers take no more. */
  filter: string;
  from: ReadFrom;
}

/**
 * Reads messages through an ordered consumer (ephemeral, in memory, no acks) until `onMessage`
 * answers false or nothing more is pending, then deletes the consumer at once so frequent
 * queries do not pile consumers up until their inactivity threshold. The consumer's own count
 * of pending messages, given when it is made, says whether there is anything to read: a read
 * with nothing to deliver would wait for a message.
 */
export async function readRange(
  js: JetStreamClient,
  range: ReadRange,
  onMessage: (message: JsMsg) => boolean,
  batch = 500,
): Promise<void> {
  const { from } = range;
  const start: Partial<OrderedConsumerOptions> =
    from === 'first'
      ? { deliver_policy: 'all' }
      : 'seq' in from
        ? { opt_start_seq: from.seq }
        : { opt_start_time: new Date(from.time).toISOString() };
  const consumer = await js.consumers.get(range.stream, {
    filter_subjects: range.filter,
    inactive_threshold: 30_000,
    ...start,
  });
  try {
    if ((await consumer.info(true)).num_pending === 0) return;
    const messages = await consumer.consume({ max_messages: batch });
    try {
      for await (const message of messages) {
        if (!onMessage(message) || message.info.pending === 0) break;
      }
    } finally {
      await messages.close();
    }
  } finally {
    consumer.delete().catch(() => undefined);
  }
}

/** When NATS stored the message, in ms. */
export function arrivalOf(message: JsMsg): number {
  return Math.floor(message.info.timestampNanos / 1e6);
}

/**
 * A server id as one subject token, reversibly: `A-Z a-z 0-9 -` as they are, any other UTF-8
 * byte as `_` and two hex digits (the event store's scheme), so no id can add a token or a
 * wildcard to the subject.
 */
export function subjectToken(id: string): string {
  let token = '';
  for (const char of id) {
    if (/^[A-Za-z0-9-]$/.test(char)) token += char;
    else {
      for (const byte of new TextEncoder().encode(char)) {
        token += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return token;
}
