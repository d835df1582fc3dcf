export interface RateLimit {
  maxAttempts: number;
  windowMs: number;
}

export interface LoginRateLimiterOptions {
  /** By key prefix (the text before the first `:`), merged over the defaults. */
  limits?: Record<string, RateLimit>;
  /** Most keys tracked at once; past it the least recently failed key is forgotten. */
  maxKeys?: number;
  /** Epoch milliseconds; a fake in tests. */
  now?: () => number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

const FIVE_MINUTES = 5 * 60_000;

/**
 * An address gets more attempts than a user: several people can share one NAT address, while
 * one account has no reason to fail more than a few times.
 */
export const DEFAULT_LOGIN_LIMITS: Readonly<Record<string, RateLimit>> = {
  user: { maxAttempts: 10, windowMs: FIVE_MINUTES },
  ip: { maxAttempts: 30, windowMs: FIVE_MINUTES },
};

/**
 * Failed logins in a sliding window, per key: `user:<username>` and `ip:<address>`.
 *
 * Usage: `check` before verifying the password and answer 429 without verifying when refused
 * (so a blocked attacker gets no oracle and records nothing); `recordFailure` on a wrong
 * password; `reset` only the `user:` key on success. Resetting the `ip:` key too would let one
 * valid account clear its address's counter between guesses at other accounts.
 */
export class LoginRateLimiter {
  /**
   * Failure times per key, oldest first, at most `maxAttempts` of them. Map order is the order
   * of each key's latest failure, which makes eviction a walk from the front.
   */
  private readonly failures = new Map<string, number[]>();
  private readonly limits: Record<string, RateLimit>;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: LoginRateLimiterOptions = {}) {
    this.limits = { ...DEFAULT_LOGIN_LIMITS, ...options.limits };
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** How many keys are tracked now: for metrics, and proof that memory stays bounded. */
  get trackedKeys(): number {
    return this.failures.size;
  }

  check(keys: readonly string[]): RateLimitDecision {
    const now = this.now();
    let retryAfterMs = 0;
    for (const key of keys) {
      const { maxAttempts, windowMs } = this.limitFor(key);
      const recent = this.recent(key, now, windowMs);
      // Blocked until the oldest failure that counts leaves the window.
      if (recent.length >= maxAttempts) {
        const wait = recent[recent.length - maxAttempts] + windowMs - now;
        retryAfterMs = Math.max(retryAfterMs, wait);
      }
    }
    return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      const { maxAttempts, windowMs } = this.limitFor(key);
      const recent = this.recent(key, now, windowMs);
      recent.push(now);
      // Older failures can never decide a block again once `maxAttempts` newer ones exist.
      if (recent.length > maxAttempts) recent.splice(0, recent.length - maxAttempts);
      this.failures.delete(key);
      this.failures.set(key, recent);
    }
    this.evict(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  /** The key's failures still inside its window; a key with none left is forgotten. */
  private recent(key: string, now: number, windowMs: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => time > now - windowMs);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  /**
   * Drops keys from the front while their window has passed or the map is over the cap. It stops
   * at the first live key so each call stays cheap; a stale key behind it (a prefix with a
   * shorter window) goes when `check` meets it or the cap reaches it.
   */
  private evict(now: number): void {
    for (const [key, times] of this.failures) {
      const stale = times[times.length - 1] <= now - this.limitFor(key).windowMs;
      if (!stale && this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }

  private limitFor(key: string): RateLimit {
    const prefix = key.slice(0, key.indexOf(':'));
    // A key without a known prefix is a gateway bug: failing loudly beats not limiting.
    if (!key.includes(':') || !Object.hasOwn(this.limits, prefix)) {
      throw new Error(`no login rate limit for key ${key}`);
    }
    return this.limits[prefix];
  }
}
