import { DomainError } from './domain-error';
import { isIdShaped, refuseIdShapedName } from './id-shaped-names';
import { checkName } from './names';

describe('id-shaped names', () => {
  it('reads 24 hex characters of either case as an id, and nothing else', () => {
    expect(isIdShaped('65f1a2b3c4d5e6f708192a3b')).toBe(true);
    expect(isIdShaped('65F1A2B3C4D5E6F708192A3B')).toBe(true);
    expect(isIdShaped('65f1a2b3c4d5e6f708192a3')).toBe(false);
    expect(isIdShaped('65f1a2b3c4d5e6f708192a3b0')).toBe(false);
    expect(isIdShaped('65f1a2b3c4d5e6f708192a3g')).toBe(false);
    expect(isIdShaped(' 65f1a2b3c4d5e6f708192a3b')).toBe(false);
  });

  it('refuses such a name with a VALIDATION error naming the field', () => {
    const refusal = (() => {
      try {
        refuseIdShapedName('65f1a2b3c4d5e6f708192a3b', 'username');
      } catch (error) {
        return error;
      }
    })() as DomainError;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.code).toBe('VALIDATION');
    expect(refusal.message).toMatch(/^username: '65f1a2b3c4d5e6f708192a3b' has the shape of an id/);
    expect(refusal.details).toEqual({ field: 'username' });
  });

  it('is one of the rules every name follows', () => {
    expect(() => checkName('65f1a2b3c4d5e6f708192a3b')).toThrow(/^name: .* shape of an id/);
    expect(checkName('web-65f1a2b3c4d5e6f708192a3b')).toBe('web-65f1a2b3c4d5e6f708192a3b');
    expect(checkName('deadbeef')).toBe('deadbeef');
  });
});
