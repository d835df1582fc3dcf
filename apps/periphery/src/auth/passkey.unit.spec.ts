import { createPasskeyCheck } from './passkey';

describe('createPasskeyCheck', () => {
  const check = createPasskeyCheck(['first-passkey', 'second']);

  it('accepts each configured passkey', () => {
    expect(check.matches('first-passkey')).toBe(true);
    expect(check.matches('second')).toBe(true);
  });

  it('refuses anything else, whatever its length', () => {
    for (const given of [undefined, '', 'first', 'first-passkey ', 'second-', 'x'.repeat(10_000)]) {
      expect(check.matches(given)).toBe(false);
    }
  });

  it('refuses everything when no passkey is configured', () => {
    expect(createPasskeyCheck([]).matches('')).toBe(false);
  });
});
