import {
  ANY,
  BACKWARDS,
  END,
  jsonEvent,
  StreamNotFoundError,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import type { CheckpointStore } from '../../checkpoints';
import { CHECKPOINT_CATEGORY } from './kurrentdb-filter';

/**
 * Checkpoints as one KurrentDB stream each, `monitorcheckpoint-<name>`, read from its end. The
 * stream is capped to its last few events ($maxCount), set once per name and process, so
 * frequent saves do not grow it without bound (scavenging reclaims the space).
 */
export class KurrentDbCheckpointStore implements CheckpointStore {
  private readonly capped = new Set<string>();

  constructor(private readonly client: KurrentDBClient) {}

  async load(name: string): Promise<number> {
    const reads = this.client.readStream(streamOf(name), {
      fromRevision: END,
      direction: BACKWARDS,
      maxCount: 1,
    });
    try {
      for await (const resolved of reads) {
        const data = resolved.event?.data as { position?: unknown } | undefined;
        if (typeof data?.position === 'number') return data.position;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return 0;
  }

  async save(name: string, position: number): Promise<void> {
    const stream = streamOf(name);
    await this.client.appendToStream(
      stream,
      jsonEvent({ type: 'CheckpointSaved', data: { position } }),
      { streamState: ANY },
    );
    if (!this.capped.has(name)) {
      await this.client.setStreamMetadata(stream, { maxCount: 8 });
      this.capped.add(name);
    }
  }
}

function streamOf(name: string): string {
  return `${CHECKPOINT_CATEGORY}-${name}`;
}
