import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { signingKey } from './request-signature';

/**
 * A new passkey travels to the agent sealed under the one it replaces, so it never crosses the
 * wire readable, even over plain http: AES-256-GCM under a key drawn (HKDF, a fresh salt each
 * time) from the current passkey's signing key. Only an agent that holds the current passkey
 * opens it, and the tag tells a tampered or foreign seal from a good one.
 */
const SEAL_VERSION = 'v1';
const SEAL_INFO = 'monitor-agent-passkey-rotation-v1';
const B64 = '[A-Za-z0-9_-]';
/** `v1.<salt>.<iv>.<ciphertext>.<tag>`, each base64url: the shape the agent accepts. */
export const SEALED_PASSKEY = new RegExp(
  `^${SEAL_VERSION}\\.${B64}{22}\\.${B64}{16}\\.${B64}{1,1024}\\.${B64}{22}$`,
);

/** What a passkey the core sets must be: as random as 24 bytes at least, in base64url. */
export const PASSKEY_RULE = /^[A-Za-z0-9_-]{32,128}$/;
export const PASSKEY_RULE_TEXT =
  'must be 32 to 128 characters of A-Z, a-z, 0-9, _ and - (base64url, as 32 random bytes give)';

/** A fresh passkey: 32 random bytes in base64url (43 characters). */
export function generatePasskey(): string {
  return randomBytes(32).toString('base64url');
}

function sealKey(signing: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', signing, salt, SEAL_INFO, 32));
}

/** The core's side: `next` sealed under `current`, the passkey the request is signed with. */
export async function sealPasskey(current: string, next: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(await signingKey(current), salt), iv);
  const sealed = Buffer.concat([cipher.update(next, 'utf8'), cipher.final()]);
  return [SEAL_VERSION, salt, iv, sealed, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/**
 * The agent's side: the passkey sealed under one of `signingKeys` (its current passkeys'), or
 * undefined when none opens it (sealed under a passkey it no longer accepts, or tampered with).
 */
export function openSealedPasskey(
  signingKeys: readonly Buffer[],
  sealed: string,
): string | undefined {
  if (!SEALED_PASSKEY.test(sealed)) return undefined;
  const [, salt, iv, text, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  for (const signing of signingKeys) {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(signing, salt), iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(text), decipher.final()]).toString('utf8');
    } catch {
      // The tag did not match under this key: the seal was made under another one.
    }
  }
  return undefined;
}
