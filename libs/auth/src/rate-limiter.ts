export interface RateLimit {
  maxAttempts: number;
  windowMs: number;
}

export interface AttemptLimiterOptions {
  /** By key prefix (the text before the first `:`). */
  limits: Record<string, RateLimit>;
  /** Most keys tracked at once; past it the least recently used key is forgotten. */
  maxKeys?: number;
  /** Epoch milliseconds; a fake in tests. */
  now?: () => number;
}

export type RateLimitDecision =
  { allowed: true; at: number } | { allowed: false; retryAfterMs: number };

/**
 * Attempts in a sliding window, per key. An attempt is reserved (counted) before the work it
 * guards starts, in the same synchronous step as the check, so parallel attempts cannot all pass
 * the check before any of them is counted; the caller may release it afterwards (a success).
 */
export class AttemptLimiter {
  /**
   * Attempt times per key, oldest first, at most `maxAttempts` of them. Map order is the order
   * of each key's latest attempt, which makes eviction a walk from the front.
   */
  private readonly attempts = new Map<string, number[]>();
  private readonly limits: Record<string, RateLimit>;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: AttemptLimiterOptions) {
    this.limits = options.limits;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** How many keys are tracked now: for metrics, and proof that memory stays bounded. */
  get trackedKeys(): number {
    return this.attempts.size;
  }

  /**
   * Refuses when any `checked` key is at its limit (recording nothing); otherwise counts one
   * attempt on every `checked` and `counted` key. `counted` keys are recorded without deciding.
   */
  reserve(checked: readonly string[], counted: readonly string[] = []): RateLimitDecision {
    const now = this.now();
    let retryAfterMs = 0;
    for (const key of checked) {
      const { maxAttempts, windowMs } = this.limitFor(key);
      const recent = this.recent(key, now, windowMs);
      // Blocked until the oldest attempt that counts leaves the window.
      if (recent.length >= maxAttempts) {
        const wait = recent[recent.length - maxAttempts] + windowMs - now;
        retryAfterMs = Math.max(retryAfterMs, wait);
      }
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    for (const key of [...checked, ...counted]) this.record(key, now);
    this.evict(now);
    return { allowed: true, at: now };
  }

  /** Takes back one attempt reserved at `at` on each key. */
  release(keys: readonly string[], at: number): void {
    for (const key of keys) {
      const times = this.attempts.get(key);
      const index = times?.lastIndexOf(at) ?? -1;
      if (index >= 0) times?.splice(index, 1);
      if (times?.length === 0) this.attempts.delete(key);
    }
  }

  /** How many attempts of the key are inside its window. */
  count(key: string): number {
    return this.recent(key, this.now(), this.limitFor(key).windowMs).length;
  }

  private record(key: string, now: number): void {
    const { maxAttempts, windowMs } = this.limitFor(key);
    const recent = this.recent(key, now, windowMs);
    recent.push(now);
    // Older attempts can never decide a block again once `maxAttempts` newer ones exist.
    if (recent.length > maxAttempts) recent.splice(0, recent.length - maxAttempts);
    this.attempts.delete(key);
    this.attempts.set(key, recent);
  }

  /** The key's attempts still inside its window; a key with none left is forgotten. */
  private recent(key: string, now: number, windowMs: number): number[] {
    const times = (this.attempts.get(key) ?? []).filter((time) => time > now - windowMs);
    if (times.length === 0) this.attempts.delete(key);
    return times;
  }

  /**
   * Drops keys from the front while their window has passed or the map is over the cap. It stops
   * at the first live key so each call stays cheap; a stale key behind it (a prefix with a
   * shorter window) goes when `reserve` meets it or the cap reaches it.
   *
   * Over the cap, a key that blocks now is passed over while up to half the cap of them have
   * been: otherwise flooding the map with fresh keys would wipe a guesser's counter. Blocking
   * keys cost their limit in attempts each, and leave at the end of their window anyway.
   */
  private evict(now: number): void {
    let kept = 0;
    for (const [key, times] of this.attempts) {
      const { maxAttempts, windowMs } = this.limitFor(key);
      const stale = times[times.length - 1] <= now - windowMs;
      if (!stale && this.attempts.size <= this.maxKeys) break;
      if (!stale && times.length >= maxAttempts && kept < this.maxKeys / 2) {
        kept += 1;
        continue;
      }
      this.attempts.delete(key);
    }
  }

  private limitFor(key: string): RateLimit {
    const prefix = key.slice(0, key.indexOf(':'));
    // A key without a known prefix is a gateway bug: failing loudly beats not limiting.
    if (!key.includes(':') || !Object.hasOwn(this.limits, prefix)) {
      throw new Error(`no rate limit for key ${key}`);
    }
    return this.limits[prefix];
  }
}
