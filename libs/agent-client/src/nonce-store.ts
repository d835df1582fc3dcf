/**
 * The nonces of accepted requests, each kept until its timestamp leaves the window (after that
 * the request is refused as stale anyway), so a replay within the window is recognised.
 * Memory is bounded: only verified requests are remembered, and past `capacity` new ones are
 * refused rather than old ones forgotten (forgetting would let a replay through).
 */
export class NonceStore {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.expiries.size;
  }

  /** 'new' (now remembered until `expiresAt`), 'seen' (a replay) or 'full'. */
  remember(nonce: string, expiresAt: number, now: number): 'new' | 'seen' | 'full' {
    this.dropExpiredFront(now);
    const known = this.expiries.get(nonce);
    if (known !== undefined && known >= now) return 'seen';
    if (this.expiries.size >= this.capacity) this.dropAllExpired(now);
    if (this.expiries.size >= this.capacity) return 'full';
    this.expiries.set(nonce, expiresAt);
    return 'new';
  }

  /** Entries arrive roughly in expiry order: dropping from the front is cheap and usually enough. */
  private dropExpiredFront(now: number): void {
    for (const [nonce, expiresAt] of this.expiries) {
      if (expiresAt >= now) return;
      this.expiries.delete(nonce);
    }
  }

  private dropAllExpired(now: number): void {
    for (const [nonce, expiresAt] of this.expiries) {
      if (expiresAt < now) this.expiries.delete(nonce);
    }
  }
}
