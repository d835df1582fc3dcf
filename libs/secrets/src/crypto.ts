import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SecretError } from './errors';

/**
 * AES-256-GCM primitives of the envelope. Every ciphertext is bound by its associated data to
 * where it belongs (the data key id, the master key id), so a wrapped key or a value copied into
 * another secret, or relabelled with another kid, fails authentication instead of decrypting.
 */

const ALG = 'aes-256-gcm';
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Random data key id: 128 bits, so ids never collide across processes sealing at once. */
export function generateDataKeyId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Key id derived from the key itself, so a key given in config gets the same id on every start
 * and on every process. A truncated hash of a 256-bit random key reveals nothing usable.
 */
export function keyIdOf(key: Buffer): string {
  return (
    'k' +
    createHash('sha256').update('monitor/secrets/kid\0').update(key).digest('hex').slice(0, 16)
  );
}

/** Strict base64 of exactly 32 bytes (Buffer.from alone silently skips bad characters). */
export function decodeKey(text: string, what: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== trimmed) {
    throw new SecretError('SECRET_KEY_INVALID', `${what} is not base64 of ${KEY_BYTES} bytes`);
  }
  return key;
}

const wrapAad = (kid: string, dkid: string): Buffer =>
  Buffer.from(`monitor/secrets/v1/dk\0${kid}\0${dkid}`);
const valueAad = (dkid: string): Buffer => Buffer.from(`monitor/secrets/v1/value\0${dkid}`);

function encrypt(key: Buffer, aad: Buffer, plaintext: Buffer) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALG, key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

/** Null when authentication fails; callers turn that into an error naming what failed. */
function decrypt(key: Buffer, aad: Buffer, iv: Buffer, tag: Buffer, ct: Buffer): Buffer | null {
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(ALG, key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    return null;
  }
}

/** The data key wrapped by a master key, as one base64 string: iv | tag | ct. */
export function wrapDataKey(master: Buffer, kid: string, dkid: string, dataKey: Buffer): string {
  const { iv, tag, ct } = encrypt(master, wrapAad(kid, dkid), dataKey);
  return Buffer.concat([iv, tag, ct]).toString('base64');
}

export function unwrapDataKey(master: Buffer, kid: string, dkid: string, wrapped: string): Buffer {
  const raw = Buffer.from(wrapped, 'base64');
  const dataKey = decrypt(
    master,
    wrapAad(kid, dkid),
    raw.subarray(0, IV_BYTES),
    raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    raw.subarray(IV_BYTES + TAG_BYTES),
  );
  if (dataKey === null || dataKey.length !== KEY_BYTES) {
    throw new SecretError(
      'SECRET_CORRUPT',
      `data key ${dkid} does not authenticate under master key "${kid}": tampered, or a different key under that id`,
      { kid, dkid },
    );
  }
  return dataKey;
}

export interface ValueCiphertext {
  iv: string;
  tag: string;
  ct: string;
}

export function encryptValue(dataKey: Buffer, dkid: string, plaintext: string): ValueCiphertext {
  const { iv, tag, ct } = encrypt(dataKey, valueAad(dkid), Buffer.from(plaintext, 'utf8'));
  return { iv: iv.toString('base64'), tag: tag.toString('base64'), ct: ct.toString('base64') };
}

export function decryptValue(dataKey: Buffer, dkid: string, value: ValueCiphertext): string {
  const plain = decrypt(
    dataKey,
    valueAad(dkid),
    Buffer.from(value.iv, 'base64'),
    Buffer.from(value.tag, 'base64'),
    Buffer.from(value.ct, 'base64'),
  );
  if (plain === null) {
    throw new SecretError(
      'SECRET_CORRUPT',
      `sealed value of data key ${dkid} does not authenticate`,
      {
        dkid,
      },
    );
  }
  return plain.toString('utf8');
}
