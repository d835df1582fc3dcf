import { createHash } from 'node:crypto';

/** How long a delivery is remembered, and how old a push may be to act (GitHub says when). */
export const DELIVERY_MEMORY_MS = 24 * 60 * 60_000;
const MAX_DELIVERIES = 50_000;

export interface Delivery {
  /** The webhook's URL path: the same push may rightly reach two stacks, once each. */
  target: string;
  /** The provider's id of the delivery (`X-GitHub-Delivery`, `X-Gitlab-Event-UUID`), if sent. */
  id?: string;
  /** The signed bytes. */
  body: Buffer;
}

/**
 * Verified deliveries already acted on, so a captured one replayed acts no more. The delivery
 * id alone would not do: GitHub signs the body, not the headers, so a replay may carry any id;
 * the body's digest is what it cannot change. Kept in memory, bounded, for a day.
 */
export class DeliveryLog {
  private readonly seen = new Map<string, number>();

  /** When this delivery (by id or by body) was first received, or undefined: it is new, now noted. */
  firstReceived(delivery: Delivery, now = Date.now()): number | undefined {
    this.forgetOlderThan(now - DELIVERY_MEMORY_MS);
    const keys = [
      `body:${delivery.target}:${createHash('sha256').update(delivery.body).digest('hex')}`,
      ...(delivery.id ? [`id:${delivery.target}:${delivery.id}`] : []),
    ];
    for (const key of keys) {
      const at = this.seen.get(key);
      if (at !== undefined) return at;
    }
    for (const key of keys) {
      if (this.seen.size >= MAX_DELIVERIES) this.seen.delete(this.seen.keys().next().value!);
      this.seen.set(key, now);
    }
    return undefined;
  }

  /** Entries are in arrival order: the old ones are at the front. */
  private forgetOlderThan(limit: number): void {
    for (const [key, at] of this.seen) {
      if (at >= limit) return;
      this.seen.delete(key);
    }
  }
}

/**
 * When GitHub says the push happened (`repository.pushed_at`: seconds in push events, an ISO
 * date in others), or undefined when the payload does not say (GitLab).
 */
export function pushedAt(payload: unknown): number | undefined {
  const value = (payload as { repository?: { pushed_at?: unknown } } | null)?.repository?.pushed_at;
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  return undefined;
}
