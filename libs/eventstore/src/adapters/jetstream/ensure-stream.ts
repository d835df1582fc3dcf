import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import { EventStoreError } from '../../errors';
import { isApiError, JS_STREAM_NAME_IN_USE, JS_STREAM_NOT_FOUND } from './jetstream-errors';

/**
 * Creates the JetStream stream if it is missing and checks that an existing one takes the
 * subjects the adapter publishes on: a mismatch would otherwise show up later as publishes
 * nobody answers.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  config: Pick<StreamConfig, 'name' | 'subjects'> & Partial<StreamConfig>,
): Promise<void> {
  try {
    const info = await jsm.streams.info(config.name);
    const missing = config.subjects.filter((subject) => !info.config.subjects.includes(subject));
    if (missing.length > 0) {
      throw new EventStoreError(
        'STORE_MISCONFIGURED',
        `JetStream stream ${config.name} exists without subjects ${missing.join(', ')}`,
        { stream: config.name, subjects: info.config.subjects },
      );
    }
  } catch (error) {
    if (!isApiError(error, JS_STREAM_NOT_FOUND)) throw error;
    try {
      await jsm.streams.add(config);
    } catch (addError) {
      // Another process created it between our look and our add: theirs will do.
      if (!isApiError(addError, JS_STREAM_NAME_IN_USE)) throw addError;
    }
  }
}
