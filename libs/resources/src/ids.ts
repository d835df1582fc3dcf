import { randomBytes } from 'node:crypto';

/**
 * A 24-hex id shaped like a MongoDB ObjectId, because Komodo's clients read `_id.$oid` and sort
 * by its leading time: 4 bytes of seconds since the epoch, then 8 random bytes from the
 * system's cryptographic source. Unlike an ObjectId's process part and counter, the random part
 * cannot be guessed from another id, so nobody can name or wait for an id before it exists.
 */
export function newId(now = Date.now()): string {
  const bytes = Buffer.alloc(12);
  bytes.writeUInt32BE(Math.floor(now / 1000), 0);
  randomBytes(8).copy(bytes, 4);
  return bytes.toString('hex');
}
