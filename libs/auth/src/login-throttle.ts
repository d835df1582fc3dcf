import { AttemptLimiter } from './rate-limiter';

export interface LoginLimits {
  /** Failed logins for one user from one address, in the window. */
  perUserAddress: number;
  /** Failed logins from one address, over all users, in the window. */
  perAddress: number;
  /**
   * Failed logins for one user from all addresses together, in the window: enforced only on
   * addresses that user has not logged in from lately, so strangers cannot lock the user out.
   */
  perUser: number;
  windowMs: number;
  /** How long a successful login vouches for its address, for that user. */
  trustMs: number;
}

const MINUTE = 60_000;

/**
 * An address gets more attempts than a user there: several people can share one NAT address.
 * A user gets more over all addresses, since that limit is shared with whoever guesses.
 */
export const DEFAULT_LOGIN_LIMITS: Readonly<LoginLimits> = {
  perUserAddress: 10,
  perAddress: 30,
  perUser: 100,
  windowMs: 5 * MINUTE,
  trustMs: 30 * 24 * 60 * MINUTE,
};

export interface LoginThrottleOptions {
  limits?: Partial<LoginLimits>;
  /** Most keys (and trusted pairs) tracked at once. */
  maxKeys?: number;
  /** Epoch milliseconds; a fake in tests. */
  now?: () => number;
}

/** One reserved login attempt, to hand back on success. */
export interface LoginTicket {
  readonly keys: readonly string[];
  readonly pair: string;
  readonly at: number;
}

export type LoginPermit =
  { allowed: true; ticket: LoginTicket } | { allowed: false; retryAfterMs: number };

/**
 * Login attempts, counted before the password is checked. Usage: `reserve` and answer 429
 * without verifying when refused (a blocked guesser gets no oracle); verify; on success
 * `succeeded`, which takes the attempt back and trusts the address for that user. A wrong
 * password needs no call: its attempt was counted already.
 *
 * The user name must come folded (as user names compare), so that case variants of one name
 * share its counters.
 */
export class LoginThrottle {
  private readonly limiter: AttemptLimiter;
  private readonly limits: LoginLimits;
  /** `pair` key -> until when a success from there vouches for it; oldest first. */
  private readonly trusted = new Map<string, number>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.limits = { ...DEFAULT_LOGIN_LIMITS, ...options.limits };
    const { perUserAddress, perAddress, perUser, windowMs } = this.limits;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
    this.limiter = new AttemptLimiter({
      limits: {
        pair: { maxAttempts: perUserAddress, windowMs },
        ip: { maxAttempts: perAddress, windowMs },
        user: { maxAttempts: perUser, windowMs },
      },
      maxKeys: this.maxKeys,
      now: this.now,
    });
  }

  reserve(username: string, address: string): LoginPermit {
    // The address comes first: it never holds a newline, so no two pairs share a key.
    const pair = `pair:${address}\n${username}`;
    const user = `user:${username}`;
    const keys = [pair, `ip:${address}`];
    const decision = this.isTrusted(pair)
      ? this.limiter.reserve(keys, [user])
      : this.limiter.reserve([...keys, user]);
    if (!decision.allowed) return decision;
    return { allowed: true, ticket: { keys: [...keys, user], pair, at: decision.at } };
  }

  /** The password was right: the attempt is not a failure, and the address is vouched for. */
  succeeded(ticket: LoginTicket): void {
    this.limiter.release(ticket.keys, ticket.at);
    this.trusted.delete(ticket.pair);
    this.trusted.set(ticket.pair, this.now() + this.limits.trustMs);
    for (const [pair, until] of this.trusted) {
      if (until > this.now() && this.trusted.size <= this.maxKeys) break;
      this.trusted.delete(pair);
    }
  }

  /** Failed logins counted for the user over all addresses: for tests and metrics. */
  failuresOf(username: string): number {
    return this.limiter.count(`user:${username}`);
  }

  private isTrusted(pair: string): boolean {
    const until = this.trusted.get(pair);
    return until !== undefined && until > this.now();
  }
}
