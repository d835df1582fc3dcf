import { deriveSigningKey } from './request-signature';
import {
  generatePasskey,
  openSealedPasskey,
  PASSKEY_RULE,
  SEALED_PASSKEY,
  sealPasskey,
} from './passkey-seal';

describe('sealPasskey / openSealedPasskey', () => {
  const current = generatePasskey();
  const next = generatePasskey();

  it('generates passkeys the rule accepts, each different', () => {
    expect(next).toMatch(PASSKEY_RULE);
    expect(new Set(Array.from({ length: 20 }, generatePasskey)).size).toBe(20);
  });

  it('opens a seal under any current key, and shows nothing of the passkey', async () => {
    const sealed = await sealPasskey(current, next);
    expect(sealed).toMatch(SEALED_PASSKEY);
    expect(sealed).not.toContain(next);
    const keys = [deriveSigningKey(generatePasskey()), deriveSigningKey(current)];
    expect(openSealedPasskey(keys, sealed)).toBe(next);
    // A fresh salt and iv each time: the same passkey never seals the same.
    expect(await sealPasskey(current, next)).not.toBe(sealed);
  });

  it('opens nothing under another key, tampered with, or malformed', async () => {
    const sealed = await sealPasskey(current, next);
    expect(openSealedPasskey([deriveSigningKey(generatePasskey())], sealed)).toBeUndefined();
    expect(openSealedPasskey([], sealed)).toBeUndefined();
    const parts = sealed.split('.');
    const text = Buffer.from(parts[3], 'base64url');
    text[0] ^= 1;
    parts[3] = text.toString('base64url');
    expect(openSealedPasskey([deriveSigningKey(current)], parts.join('.'))).toBeUndefined();
    expect(openSealedPasskey([deriveSigningKey(current)], next)).toBeUndefined();
    expect(openSealedPasskey([deriveSigningKey(current)], `v2${sealed.slice(2)}`)).toBeUndefined();
  });
});
