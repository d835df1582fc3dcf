import { LoginRateLimiter } from './rate-limiter';

const MINUTE = 60_000;

function setup(options: ConstructorParameters<typeof LoginRateLimiter>[0] = {}) {
  const clock = { now: 1_000_000 };
  const limiter = new LoginRateLimiter({ ...options, now: () => clock.now });
  return { clock, limiter };
}

describe('LoginRateLimiter', () => {
  const keys = ['user:alice', 'ip:10.0.0.1'];

  it('allows 10 failures per user in 5 minutes, then refuses', () => {
    const { limiter } = setup();
    for (let i = 0; i < 10; i++) {
      expect(limiter.check(keys)).toEqual({ allowed: true });
      limiter.recordFailure(keys);
    }
    expect(limiter.check(keys)).toEqual({ allowed: false, retryAfterMs: 5 * MINUTE });
    expect(limiter.check(['user:bob', 'ip:10.0.0.1'])).toEqual({ allowed: true });
  });
  it('allows 30 failures per address across users', () => {
    const { limiter } = setup();
    for (let i = 0; i < 30; i++) limiter.recordFailure([`user:u${i}`, 'ip:10.0.0.1']);
    expect(limiter.check(['user:new', 'ip:10.0.0.1']).allowed).toBe(false);
    expect(limiter.check(['user:new', 'ip:10.0.0.2']).allowed).toBe(true);
  });
  it('slides: each failure leaving the window frees one attempt', () => {
    const { clock, limiter } = setup({ limits: { user: { maxAttempts: 3, windowMs: MINUTE } } });
    for (const at of [0, 10_000, 20_000]) {
      clock.now = 1_000_000 + at;
      limiter.recordFailure(['user:alice']);
    }
    clock.now = 1_000_000 + 30_000;
    expect(limiter.check(['user:alice'])).toEqual({ allowed: false, retryAfterMs: 30_000 });
    clock.now = 1_000_000 + MINUTE;
    expect(limiter.check(['user:alice'])).toEqual({ allowed: true });
    limiter.recordFailure(['user:alice']);
    expect(limiter.check(['user:alice'])).toEqual({ allowed: false, retryAfterMs: 10_000 });
  });
  it('reports the longest wait over all keys', () => {
    const { clock, limiter } = setup({
      limits: {
        user: { maxAttempts: 1, windowMs: MINUTE },
        ip: { maxAttempts: 1, windowMs: 2 * MINUTE },
      },
    });
    limiter.recordFailure(keys);
    clock.now += 1000;
    expect(limiter.check(keys)).toEqual({ allowed: false, retryAfterMs: 2 * MINUTE - 1000 });
  });
  it('keeps the defaults for prefixes the options leave out', () => {
    const { limiter } = setup({ limits: { user: { maxAttempts: 1, windowMs: MINUTE } } });
    for (let i = 0; i < 29; i++) limiter.recordFailure(['ip:10.0.0.1']);
    expect(limiter.check(['ip:10.0.0.1']).allowed).toBe(true);
    limiter.recordFailure(['ip:10.0.0.1']);
    expect(limiter.check(['ip:10.0.0.1']).allowed).toBe(false);
  });
  it('reset clears one key only', () => {
    const { limiter } = setup({ limits: { user: { maxAttempts: 1, windowMs: MINUTE } } });
    limiter.recordFailure(['user:alice', 'user:bob']);
    limiter.reset('user:alice');
    expect(limiter.check(['user:alice']).allowed).toBe(true);
    expect(limiter.check(['user:bob']).allowed).toBe(false);
  });
  it('drops keys whose window has passed', () => {
    const { clock, limiter } = setup();
    limiter.recordFailure(keys);
    clock.now += 5 * MINUTE;
    limiter.recordFailure(['user:bob']);
    expect(limiter.trackedKeys).toBe(1);
    clock.now += 5 * MINUTE;
    expect(limiter.check(['user:bob'])).toEqual({ allowed: true });
    expect(limiter.trackedKeys).toBe(0);
  });
  it('caps the tracked keys, forgetting the least recently failed', () => {
    const { clock, limiter } = setup({
      maxKeys: 3,
      limits: { user: { maxAttempts: 1, windowMs: MINUTE } },
    });
    for (const name of ['a', 'b', 'c']) {
      limiter.recordFailure([`user:${name}`]);
      clock.now += 1;
    }
    limiter.recordFailure(['user:a']); // a is now the most recent
    limiter.recordFailure(['user:d']);
    expect(limiter.trackedKeys).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((n) => limiter.check([`user:${n}`]).allowed)).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });
  it('bounds memory under a flood of distinct keys', () => {
    const { limiter } = setup();
    for (let i = 0; i < 25_000; i++) limiter.recordFailure([`user:u${i}`]);
    expect(limiter.trackedKeys).toBe(10_000);
  });
  it('refuses keys without a known prefix', () => {
    const { limiter } = setup();
    expect(() => limiter.check(['alice'])).toThrow(/no login rate limit/);
    expect(() => limiter.recordFailure(['constructor:x'])).toThrow(/no login rate limit/);
    expect(() => limiter.check(['user'])).toThrow(/no login rate limit/);
  });
});
