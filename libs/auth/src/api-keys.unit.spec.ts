import { generateApiKey, hashApiSecret, verifyApiSecret } from './api-keys';

describe('api keys', () => {
  it('generates Komodo-shaped keys and secrets', () => {
    const { key, secret } = generateApiKey();
    expect(key).toMatch(/^K-[A-Za-z0-9]{40}$/);
    expect(secret).toMatch(/^S-[A-Za-z0-9]{40}$/);
  });
  it('never repeats, and uses the whole alphabet', () => {
    const pairs = Array.from({ length: 500 }, generateApiKey);
    const values = pairs.flatMap(({ key, secret }) => [key, secret]);
    expect(new Set(values).size).toBe(values.length);
    const chars = new Set(values.flatMap((value) => [...value.slice(2)]));
    expect(chars.size).toBe(62);
  });
  it('draws characters without modulo bias', () => {
    // Folding bytes 248-255 onto the first 8 letters would give them 40/256 of the draws, not 8/62.
    const text = Array.from({ length: 1000 }, () => generateApiKey().secret.slice(2)).join('');
    const firstEight = [...text].filter((char) => 'ABCDEFGH'.includes(char)).length;
    expect(firstEight / text.length).toBeLessThan(0.14);
  });
  it('hashes the secret to a SHA-256 hex digest', () => {
    expect(hashApiSecret('S-abc')).toBe(
      '397f934cc63787165816073466d7069f1c9b4ec524a29a40faf3a59c82611d0f',
    );
    expect(hashApiSecret('S-abc')).not.toBe(hashApiSecret('S-abd'));
  });
  it('verifies the secret against its hash only', () => {
    const { secret } = generateApiKey();
    const hash = hashApiSecret(secret);
    expect(verifyApiSecret(secret, hash)).toBe(true);
    expect(verifyApiSecret(generateApiKey().secret, hash)).toBe(false);
    expect(verifyApiSecret(secret.slice(0, -1), hash)).toBe(false);
    expect(verifyApiSecret(secret, hash.toUpperCase())).toBe(false);
    expect(verifyApiSecret(secret, '')).toBe(false);
    expect(verifyApiSecret(secret, secret)).toBe(false);
  });
});
