import { JetStreamApiError, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';

const JS_STREAM_NOT_FOUND = 10059;
const JS_STREAM_NAME_IN_USE = 10058;
/** JetStream's default duplicate window; it may not exceed max_age. */
const DUPLICATE_WINDOW_MS = 2 * 60_000;

const isApiError = (error: unknown, code: number) =>
  error instanceof JetStreamApiError && error.code === code;

/** The stream's retention settings: NATS drops records older than `maxAgeMs` by itself. */
export function retentionConfig(
  maxAgeMs: number,
): Pick<StreamConfig, 'max_age' | 'duplicate_window'> {
  return {
    max_age: nanos(maxAgeMs),
    duplicate_window: nanos(Math.min(maxAgeMs, DUPLICATE_WINDOW_MS)),
  };
}

/**
 * Creates the stats stream if missing. An existing one must take our subjects; its retention is
 * brought to the configured one, since retention is the operator's setting and the stream only
 * carries it out.
 */
export async function ensureStatsStream(
  jsm: JetStreamManager,
  name: string,
  subject: string,
  maxAgeMs: number,
): Promise<void> {
  const retention = retentionConfig(maxAgeMs);
  try {
    const { config } = await jsm.streams.info(name);
    if (!config.subjects.includes(subject)) {
      throw new Error(`JetStream stream ${name} exists without subject ${subject}`);
    }
    if (config.max_age !== retention.max_age) await jsm.streams.update(name, retention);
  } catch (error) {
    if (!isApiError(error, JS_STREAM_NOT_FOUND)) throw error;
    try {
      await jsm.streams.add({
        name,
        subjects: [subject],
        storage: 'file',
        retention: 'limits',
        discard: 'old',
        ...retention,
      });
    } catch (addError) {
      // Another process created it between our look and our add: theirs will do.
      if (!isApiError(addError, JS_STREAM_NAME_IN_USE)) throw addError;
    }
  }
}
