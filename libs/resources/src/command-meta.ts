import type { EventMetadata, Via } from '@monitor/eventstore';
import { newId } from './ids';

/** Who asks, and through which path: travels with every command over the bus. */
export interface CommandMeta {
  userId: string;
  via: Via;
  correlationId: string;
  causationId?: string;
  /**
   * The id the Update of the execution this command starts must have, given by a caller that
   * named the run before starting it (a schedule's claim): a second start of it is refused.
   */
  updateId?: string;
}

export function eventMetadata(meta: CommandMeta, now = Date.now()): EventMetadata {
  return {
    userId: meta.userId,
    via: meta.via,
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? meta.correlationId,
    at: now,
  };
}

export function systemMeta(): CommandMeta {
  return { userId: 'system', via: 'system', correlationId: newId() };
}
