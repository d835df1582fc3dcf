import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 40 base62 characters carry 40·log2(62) ≈ 238 bits. */
const RANDOM_CHARS = 40;
/** The largest multiple of 62 that fits a byte: bytes at or above it are redrawn, not folded. */
const UNBIASED_LIMIT = 248;

/** Komodo's shape: `K-` + 40 characters is the public id, `S-` + 40 the secret. */
export interface ApiKeyPair {
  key: string;
  secret: string;
}

export function generateApiKey(): ApiKeyPair {
  return { key: `K-${randomBase62(RANDOM_CHARS)}`, secret: `S-${randomBase62(RANDOM_CHARS)}` };
}

/**
 * A plain SHA-256 is enough here, unlike for passwords: slow salted hashes exist to make guessing
 * a low-entropy human secret expensive, but this secret is ~238 random bits, so neither guessing
 * nor a precomputed table can ever reach it. A fast hash also keeps the check cheap, which
 * matters because it runs on every API request rather than once per login.
 */
export function hashApiSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function verifyApiSecret(secret: string, hash: string): boolean {
  const actual = Buffer.from(hashApiSecret(secret));
  const expected = Buffer.from(hash);
  // The length only tells whether the stored value is a SHA-256 hex digest at all.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < UNBIASED_LIMIT && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}
