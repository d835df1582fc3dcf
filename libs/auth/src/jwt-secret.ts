import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

/** HS256 wants a key at least as long as its 256-bit output. */
const SECRET_BYTES = 32;

/**
 * The HS256 key kept across restarts (so sessions survive them), created on first start.
 * Throws when the file exists but does not hold at least 32 base64 bytes: silently replacing
 * it would log everyone out, and running with a short key would weaken every token.
 */
export function loadOrCreateJwtSecret(path: string): Buffer {
  const existing = read(path);
  if (existing) return existing;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const secret = randomBytes(SECRET_BYTES);
  try {
    // `wx` fails if the file appeared meanwhile: a replica starting at the same time on a shared
    // volume keeps the secret the first one wrote instead of both signing with different keys.
    writeFileSync(path, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return read(path) ?? fail(path);
  }
}

function read(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const secret = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || secret.length < SECRET_BYTES) fail(path);
  return secret;
}

function fail(path: string): never {
  throw new Error(`${path} must hold a base64 JWT secret of at least ${SECRET_BYTES} bytes`);
}
