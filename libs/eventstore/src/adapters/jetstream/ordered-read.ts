import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';

export interface OrderedReadRange {
  /** The JetStream stream. */
  stream: string;
  /** One subject filter: NATS 2.9 consumers take no more. */
  filter: string;
  startSeq: number;
  /** The last sequence to read; the read also ends when nothing more is pending. */
  endSeq: number;
}

/**
 * Reads a range of a stream through an ordered consumer (ephemeral, in memory, no acks),
 * calling `onMessage` for each message until it returns false or the range is done, then
 * deletes the consumer. The server would drop it after `inactive_threshold` anyway; deleting
 * it at once keeps frequent reads from piling consumers up.
 */
export async function orderedRead(
  js: JetStreamClient,
  range: OrderedReadRange,
  onMessage: (message: JsMsg) => boolean,
  batch = 500,
): Promise<void> {
  if (range.endSeq < range.startSeq) return;
  const consumer = await js.consumers.get(range.stream, {
    filter_subjects: range.filter,
    opt_start_seq: range.startSeq,
    inactive_threshold: 30_000,
  });
  const messages = await consumer.consume({ max_messages: batch });
  try {
    for await (const message of messages) {
      const more = onMessage(message);
      if (!more || message.seq >= range.endSeq || message.info.pending === 0) break;
    }
  } finally {
    await messages.close();
    consumer.delete().catch(() => undefined);
  }
}
