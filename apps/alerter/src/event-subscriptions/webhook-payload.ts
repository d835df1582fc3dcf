import type { StoredEvent } from '@monitor/eventstore';
import { maskSealed } from '@monitor/secrets';

/** What a subscription receives of one event: secrets in it masked, never opened. */
export interface WebhookPayload {
  position: number;
  stream: string;
  type: string;
  data: unknown;
  metadata: { at: number; userId: string; via: string };
}

export function webhookPayload(event: StoredEvent): WebhookPayload {
  const { at, userId, via } = event.metadata;
  return {
    position: event.position,
    stream: event.stream,
    type: event.type,
    data: maskSealed(event.data),
    metadata: { at, userId, via },
  };
}
