import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * N = 2^14, r = 8, p = 1 takes 60-80 ms on the 2-core reference host (2^15 took ~150 ms):
 * slow enough to make offline guessing costly, fast enough that logins stay snappy and a burst
 * of them cannot starve the gateway. The parameters are stored with each hash, so they can be
 * raised later without invalidating existing passwords.
 */
const COST = { N: 2 ** 14, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
export const MIN_PASSWORD_LENGTH = 8;
/** Caps the work one request can force on the hasher, and nobody types more. */
export const MAX_PASSWORD_LENGTH = 1024;
/** The most memory a stored hash may ask for (128·N·r bytes): 16 times what COST uses. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

/** Most common passwords of at least MIN_PASSWORD_LENGTH (shorter ones fail on length). */
// prettier-ignore
const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password12', 'password123', 'password!', 'passw0rd', 'p@ssw0rd',
  'p@ssword', '12345678', '123456789', '1234567890', '0123456789', '87654321', '12341234',
  '123123123', '11223344', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'q1w2e3r4t5', '1qaz2wsx',
  'zaq12wsx', 'qazwsxedc', '123qweasd', 'qwertyui', 'qwertyuiop', 'qwerty123', 'qwerty12',
  'asdfghjk', 'asdfghjkl', 'abc12345', 'abcd1234', 'aa123456', '123456789a', 'iloveyou',
  'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'starwars',
  'trustno1', 'whatever', 'welcome1', 'welcome123', 'letmein1', 'letmein123', 'changeme',
  'computer', 'admin123', 'administrator', 'monitor1', 'monitor123', 'komodo123',
]);

/** Why `password` is too weak for `username`, or undefined when it is acceptable. */
export function checkPasswordStrength(password: string, username: string): string | undefined {
  // Counted in code points so an emoji counts once, as the user sees it.
  const length = Array.from(password).length;
  if (length === 0) return 'password is empty';
  if (length > MAX_PASSWORD_LENGTH) return `password is longer than ${MAX_PASSWORD_LENGTH}`;
  if (length < MIN_PASSWORD_LENGTH) return `password is shorter than ${MIN_PASSWORD_LENGTH}`;
  if (new Set(password).size === 1) return 'password is a single repeated character';
  const lower = password.toLowerCase();
  const user = username.trim().toLowerCase();
  if (user && lower === user) return 'password is the username';
  if (user && lower.includes(user)) return 'password contains the username';
  if (COMMON_PASSWORDS.has(lower)) return 'password is too common';
  return undefined;
}

/** Hashes to `scrypt$N$r$p$salt$hash` (base64), with a fresh random salt each time. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, KEY_BYTES, COST);
  const { N, r, p } = COST;
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** False for a wrong password and for a stored value that is not a well-formed scrypt hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const { cost, salt, hash } = parsed;
  const candidate = await derive(password, salt, hash.length, cost);
  return timingSafeEqual(candidate, hash);
}

function derive(password: string, salt: Buffer, keyLength: number, cost: typeof COST) {
  const { N, r, p } = cost;
  // scrypt needs about 128·r·(N + p) bytes; Node's default 32 MiB cap refuses N = 2^15, r = 8.
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * r * (N + p) };
  // NFKC so a password typed on another keyboard or OS (composed vs decomposed é) still matches.
  const input = password.normalize('NFKC');
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(input, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * Bounds the parameters so a corrupted or planted row cannot make a login allocate gigabytes
 * or spin for minutes.
 */
function parseStored(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : 0));
  const powerOfTwo = N >= 2 && (N & (N - 1)) === 0;
  if (!powerOfTwo || r < 1 || p < 1 || p > 4 || 128 * N * r > MAX_SCRYPT_MEMORY) return undefined;
  const [salt, hash] = parts.slice(4).map(decodeBase64);
  if (!salt || !hash || salt.length < 8 || hash.length < 16 || hash.length > 64) return undefined;
  return { cost: { N, r, p }, salt, hash };
}

function decodeBase64(text: string): Buffer | undefined {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : undefined;
}
