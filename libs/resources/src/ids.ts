import { randomFillSync } from 'node:crypto';

/** Random bytes for this many ids are drawn at once: one call into the source per batch. */
const POOL_IDS = 512;
const RANDOM_BYTES = 8;
const pool = Buffer.alloc(POOL_IDS * RANDOM_BYTES);
let poolHex = '';
let drawn = POOL_IDS;

/**
 * A 24-hex id shaped like a MongoDB ObjectId, because Komodo's clients read `_id.$oid` and sort
 * by its leading time: 4 bytes of seconds since the epoch, then 8 random bytes from the
 * system's cryptographic source. Unlike an ObjectId's process part and counter, the random part
 * cannot be guessed from another id, so nobody can name or wait for an id before it exists.
 * The random bytes come from a pool filled 512 ids at a time (as Node's randomUUID does), each
 * byte used once: a call into the source per id cost 3-5 µs, and a run writes dozens of ids.
 */
export function newId(now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  if (!(seconds >= 0 && seconds <= 0xffffffff))
    throw new RangeError(`newId: ${now} is not a time an id can hold`);
  if (drawn === POOL_IDS) {
    poolHex = randomFillSync(pool).toString('hex');
    drawn = 0;
  }
  const at = drawn++ * RANDOM_BYTES * 2;
  return seconds.toString(16).padStart(8, '0') + poolHex.slice(at, at + RANDOM_BYTES * 2);
}
