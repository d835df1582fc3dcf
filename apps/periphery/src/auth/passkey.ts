import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PasskeyCheck {
  /** True when `given` equals one of the configured passkeys. */
  matches(given: string | undefined): boolean;
}

/**
 * Compares in constant time: each value is first reduced to an HMAC under a key made at start-up,
 * so `timingSafeEqual` always sees equal-length buffers and neither the content nor the length of
 * a passkey shows in the response time. Every configured passkey is compared, with no early exit,
 * so the time does not tell which one (if any) matched either.
 */
export function createPasskeyCheck(passkeys: readonly string[]): PasskeyCheck {
  const key = randomBytes(32);
  const digest = (value: string) => createHmac('sha256', key).update(value, 'utf8').digest();
  const expected = passkeys.map(digest);
  return {
    matches(given) {
      if (given === undefined) return false;
      const actual = digest(given);
      let found = false;
      for (const candidate of expected) found = timingSafeEqual(actual, candidate) || found;
      return found;
    },
  };
}
