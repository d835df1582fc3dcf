import { LoginThrottle, type LoginLimits, type LoginPermit } from './login-throttle';

const MINUTE = 60_000;

function setup(limits: Partial<LoginLimits> = {}) {
  const clock = { now: 1_000_000 };
  const throttle = new LoginThrottle({ limits, now: () => clock.now });
  /** `n` wrong passwords for `user` from `address`: how many were let through to be verified. */
  const fail = (user: string, address: string, n: number) =>
    Array.from({ length: n }, () => throttle.reserve(user, address)).filter((p) => p.allowed)
      .length;
  const succeed = (user: string, address: string) => {
    const permit = throttle.reserve(user, address);
    if (permit.allowed) throttle.succeeded(permit.ticket);
    return permit;
  };
  return { clock, throttle, fail, succeed };
}

const allowed = (permit: LoginPermit) => permit.allowed;

describe('LoginThrottle', () => {
  it('counts an attempt before it is verified: a burst gets only the limit through', () => {
    const { throttle, fail } = setup();
    // Nothing is verified in between: every reservation happens before any password check ends.
    expect(fail('admin', '10.0.0.1', 300)).toBe(10);
    expect(throttle.failuresOf('admin')).toBe(10);
  });
  it('refuses the right password too once the pair is at its limit, saying how long to wait', () => {
    const { fail, succeed } = setup();
    fail('admin', '10.0.0.1', 10);
    expect(succeed('admin', '10.0.0.1')).toEqual({ allowed: false, retryAfterMs: 5 * MINUTE });
  });
  it("does not let a stranger's guesses lock the user out of another address", () => {
    const { fail, succeed } = setup();
    fail('admin', '203.0.113.9', 50);
    expect(allowed(succeed('admin', '10.0.0.1'))).toBe(true);
  });
  it('limits one user over all addresses, except those it logged in from lately', () => {
    const { clock, fail, succeed } = setup({ perUser: 20 });
    expect(allowed(succeed('admin', '10.0.0.1'))).toBe(true);
    expect(fail('admin', '203.0.113.1', 10) + fail('admin', '203.0.113.2', 10)).toBe(20);
    expect(fail('admin', '203.0.113.3', 10)).toBe(0);
    expect(succeed('admin', '10.0.0.2')).toMatchObject({ allowed: false });
    expect(allowed(succeed('admin', '10.0.0.1'))).toBe(true);
    expect(allowed(succeed('bob', '10.0.0.2'))).toBe(true);
    clock.now += 5 * MINUTE;
    expect(allowed(succeed('admin', '10.0.0.2'))).toBe(true);
  });
  it('trusts an address for a while only', () => {
    const { clock, fail, succeed } = setup({ perUser: 5, trustMs: 60 * MINUTE });
    succeed('admin', '10.0.0.1');
    clock.now += 61 * MINUTE;
    fail('admin', '203.0.113.1', 5);
    expect(allowed(succeed('admin', '10.0.0.1'))).toBe(false);
  });
  it('keeps the per-address limit over all users', () => {
    const { fail } = setup();
    const through = Array.from({ length: 40 }, (_, i) => fail(`u${i}`, '10.0.0.1', 1));
    expect(through.reduce((a, b) => a + b)).toBe(30);
    expect(fail('u0', '10.0.0.2', 1)).toBe(1);
  });
  it('takes a successful attempt back: only failures count', () => {
    const { throttle, fail, succeed } = setup({ perUserAddress: 3 });
    fail('carol', '10.0.0.1', 2);
    for (let i = 0; i < 5; i++) expect(allowed(succeed('carol', '10.0.0.1'))).toBe(true);
    expect(throttle.failuresOf('carol')).toBe(2);
    expect(fail('carol', '10.0.0.1', 5)).toBe(1);
  });
});
