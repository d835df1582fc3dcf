import { maskSealed } from './mask-sealed';
import { Keyring } from './keyring';
import { randomBytes } from 'node:crypto';

describe('maskSealed', () => {
  it('replaces sealed values anywhere, and leaves the rest', () => {
    const keyring = Keyring.fromBase64(randomBytes(32).toString('base64'));
    const sealed = keyring.seal('top secret');
    const value = { a: sealed, b: [1, { c: sealed, d: 'plain' }], e: null };
    expect(maskSealed(value)).toEqual({ a: '*****', b: [1, { c: '*****', d: 'plain' }], e: null });
    expect(JSON.stringify(maskSealed(value))).not.toContain(sealed.ct);
  });
});
