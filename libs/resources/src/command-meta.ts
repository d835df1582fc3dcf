import type { EventMetadata, EventOrigin, Via } from '@monitor/eventstore';
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
  /** What the change is part of (a sync at a commit): recorded on every event it writes. */
  origin?: EventOrigin;
}

export function eventMetadata(meta: CommandMeta, now = Date.now()): EventMetadata {
  return {
    userId: meta.userId,
    via: meta.via,
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? meta.correlationId,
    at: now,
    ...(meta.origin ? { origin: meta.origin } : {}),
  };
}

export function systemMeta(): CommandMeta {
  return { userId: 'system', via: 'system', correlationId: newId() };
}
