import { AttemptLimiter, type RateLimit } from './rate-limiter';

const MINUTE = 60_000;
const FIVE_MINUTES: RateLimit = { maxAttempts: 10, windowMs: 5 * MINUTE };

function setup(limits: Record<string, RateLimit> = { user: FIVE_MINUTES }, maxKeys?: number) {
  const clock = { now: 1_000_000 };
  const limiter = new AttemptLimiter({ limits, maxKeys, now: () => clock.now });
  return { clock, limiter };
}

describe('AttemptLimiter', () => {
  it('counts each attempt when it is reserved, and refuses past the limit', () => {
    const { limiter } = setup();
    for (let i = 0; i < 10; i++) expect(limiter.reserve(['user:alice']).allowed).toBe(true);
    expect(limiter.reserve(['user:alice'])).toEqual({ allowed: false, retryAfterMs: 5 * MINUTE });
    expect(limiter.reserve(['user:bob']).allowed).toBe(true);
  });
  it('records nothing for a refused attempt', () => {
    const { clock, limiter } = setup({ user: { maxAttempts: 2, windowMs: MINUTE } });
    limiter.reserve(['user:alice']);
    clock.now += 30_000;
    limiter.reserve(['user:alice']);
    for (let i = 0; i < 5; i++) limiter.reserve(['user:alice']);
    expect(limiter.count('user:alice')).toBe(2);
    clock.now += 30_000;
    expect(limiter.reserve(['user:alice']).allowed).toBe(true);
  });
  it('takes back a released attempt, and only that one', () => {
    const { clock, limiter } = setup({ user: { maxAttempts: 2, windowMs: MINUTE } });
    const first = limiter.reserve(['user:alice']);
    clock.now += 1;
    const second = limiter.reserve(['user:alice']);
    expect(limiter.reserve(['user:alice']).allowed).toBe(false);
    if (!second.allowed) throw new Error('reserved');
    limiter.release(['user:alice'], second.at);
    expect(limiter.count('user:alice')).toBe(1);
    limiter.release(['user:alice'], second.at);
    expect(limiter.count('user:alice')).toBe(1);
    expect(first.allowed && limiter.reserve(['user:alice']).allowed).toBe(true);
  });
  it('counts unchecked keys without letting them refuse', () => {
    const { limiter } = setup({ user: { maxAttempts: 1, windowMs: MINUTE }, ip: FIVE_MINUTES });
    expect(limiter.reserve(['ip:a'], ['user:alice']).allowed).toBe(true);
    expect(limiter.reserve(['ip:a'], ['user:alice']).allowed).toBe(true);
    expect(limiter.count('user:alice')).toBe(1);
    expect(limiter.reserve(['ip:a', 'user:alice']).allowed).toBe(false);
    expect(limiter.count('ip:a')).toBe(2);
  });
  it('slides: each attempt leaving the window frees one', () => {
    const { clock, limiter } = setup({ user: { maxAttempts: 3, windowMs: MINUTE } });
    for (const at of [0, 10_000, 20_000]) {
      clock.now = 1_000_000 + at;
      limiter.reserve(['user:alice']);
    }
    clock.now = 1_000_000 + 30_000;
    expect(limiter.reserve(['user:alice'])).toEqual({ allowed: false, retryAfterMs: 30_000 });
    clock.now = 1_000_000 + MINUTE;
    expect(limiter.reserve(['user:alice']).allowed).toBe(true);
    expect(limiter.reserve(['user:alice'])).toEqual({ allowed: false, retryAfterMs: 10_000 });
  });
  it('reports the longest wait over all keys', () => {
    const { clock, limiter } = setup({
      user: { maxAttempts: 1, windowMs: MINUTE },
      ip: { maxAttempts: 1, windowMs: 2 * MINUTE },
    });
    limiter.reserve(['user:a', 'ip:b']);
    clock.now += 1000;
    expect(limiter.reserve(['user:a', 'ip:b'])).toEqual({
      allowed: false,
      retryAfterMs: 2 * MINUTE - 1000,
    });
  });
  it('drops keys whose window has passed', () => {
    const { clock, limiter } = setup();
    limiter.reserve(['user:alice']);
    clock.now += 5 * MINUTE;
    limiter.reserve(['user:bob']);
    expect(limiter.trackedKeys).toBe(1);
    clock.now += 5 * MINUTE;
    expect(limiter.count('user:bob')).toBe(0);
    expect(limiter.trackedKeys).toBe(0);
  });
  it('caps the tracked keys, forgetting the least recently used', () => {
    const { clock, limiter } = setup({ user: { maxAttempts: 2, windowMs: MINUTE } }, 3);
    for (const name of ['a', 'b', 'c']) {
      limiter.reserve([], [`user:${name}`]);
      clock.now += 1;
    }
    limiter.reserve([], ['user:a']); // a is now the most recent
    limiter.reserve([], ['user:d']);
    expect(limiter.trackedKeys).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((n) => limiter.count(`user:${n}`))).toEqual([2, 0, 1, 1]);
  });
  it('keeps a key that blocks when a flood of fresh keys passes the cap', () => {
    const { limiter } = setup({ user: { maxAttempts: 3, windowMs: MINUTE } }, 100);
    for (let i = 0; i < 3; i++) limiter.reserve(['user:target']);
    for (let i = 0; i < 10_000; i++) limiter.reserve([`user:flood${i}`]);
    expect(limiter.trackedKeys).toBe(100);
    expect(limiter.reserve(['user:target']).allowed).toBe(false);
  });
  it('still bounds memory when every key blocks', () => {
    const { limiter } = setup({ user: { maxAttempts: 1, windowMs: MINUTE } }, 100);
    for (let i = 0; i < 1000; i++) limiter.reserve([`user:u${i}`]);
    expect(limiter.trackedKeys).toBeLessThanOrEqual(100);
  });
  it('bounds memory under a flood of distinct keys', () => {
    const { limiter } = setup();
    for (let i = 0; i < 25_000; i++) limiter.reserve([`user:u${i}`]);
    expect(limiter.trackedKeys).toBe(10_000);
  });
  it('refuses keys without a known prefix', () => {
    const { limiter } = setup();
    expect(() => limiter.reserve(['alice'])).toThrow(/no rate limit/);
    expect(() => limiter.reserve([], ['constructor:x'])).toThrow(/no rate limit/);
    expect(() => limiter.count('user')).toThrow(/no rate limit/);
  });
});
