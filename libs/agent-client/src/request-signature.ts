import { createHash, createHmac, randomBytes, scrypt, scryptSync } from 'node:crypto';

/**
 * How the core proves itself to an agent without the passkey ever crossing the wire: each
 * request carries `authorization: Monitor-HMAC t=<ms>,n=<nonce>,b=<sha256 of the body>,s=<mac>`,
 * the mac an HMAC-SHA256 over (t, n, method, path, b) under a key derived from the passkey.
 * Whoever captures a request (a listener the Server's address was pointed at) learns neither
 * the passkey nor anything that signs another request; the agent refuses it stale or twice.
 */
export const SIGNATURE_SCHEME = 'Monitor-HMAC';

/** How far the signer's and the agent's clocks may be apart, either way. */
export const SIGNATURE_WINDOW_MS = 60_000;

/**
 * The key is derived with scrypt rather than used as is: a captured request is then no cheap
 * oracle for guessing a weak passkey offline. Its salt names the protocol, so the key serves
 * this use alone.
 */
const KDF_SALT = 'monitor-agent-request-signature-v1';
const KDF_OPTIONS = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

export interface RequestToSign {
  method: string;
  /** The request target as sent: path and query (`/`). */
  path: string;
  body: Buffer | string;
}

export interface SignatureParts {
  /** Milliseconds since the epoch, by the signer's clock. */
  timestamp: number;
  nonce: string;
  /** Hex SHA-256 of the body. */
  bodyDigest: string;
  /** Base64url HMAC-SHA256. */
  mac: string;
}

/** The agent's side: derived once per passkey it accepts, at start-up and when the core replaces one. */
export function deriveSigningKey(passkey: string): Buffer {
  return scryptSync(passkey, KDF_SALT, KEY_BYTES, KDF_OPTIONS);
}

const cachedKeys = new Map<string, Promise<Buffer>>();
const MAX_CACHED_KEYS = 1024;

/**
 * The core's side: derived off the event loop, once per passkey per process (a poll calls every
 * agent every few seconds). The cache is keyed by a hash of the passkey, never the passkey.
 */
export function signingKey(passkey: string): Promise<Buffer> {
  const id = createHash('sha256').update(passkey, 'utf8').digest('base64');
  const known = cachedKeys.get(id);
  if (known) return known;
  if (cachedKeys.size >= MAX_CACHED_KEYS) cachedKeys.delete(cachedKeys.keys().next().value!);
  const key = new Promise<Buffer>((resolve, reject) =>
    scrypt(passkey, KDF_SALT, KEY_BYTES, KDF_OPTIONS, (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
  cachedKeys.set(id, key);
  key.catch(() => cachedKeys.delete(id));
  return key;
}

export function bodyDigest(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The mac of a request's parts under a key: what the signer sends and the verifier recomputes. */
export function requestMac(
  key: Buffer,
  parts: Omit<SignatureParts, 'mac'>,
  method: string,
  path: string,
): Buffer {
  const text = [
    `${SIGNATURE_SCHEME}-v1`,
    String(parts.timestamp),
    parts.nonce,
    method.toUpperCase(),
    path,
    parts.bodyDigest,
  ].join('\n');
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/** The `authorization` header for one request, with a fresh nonce. */
export async function signRequest(
  passkey: string,
  request: RequestToSign,
  options: { now?: number; nonce?: string } = {},
): Promise<string> {
  const parts = {
    timestamp: options.now ?? Date.now(),
    nonce: options.nonce ?? randomBytes(16).toString('base64url'),
    bodyDigest: bodyDigest(request.body),
  };
  const mac = requestMac(await signingKey(passkey), parts, request.method, request.path);
  return formatSignature({ ...parts, mac: mac.toString('base64url') });
}

export function formatSignature(parts: SignatureParts): string {
  return `${SIGNATURE_SCHEME} t=${parts.timestamp},n=${parts.nonce},b=${parts.bodyDigest},s=${parts.mac}`;
}

const FIELD_RULES = {
  t: /^\d{1,15}$/,
  n: /^[A-Za-z0-9_-]{16,64}$/,
  b: /^[0-9a-f]{64}$/,
  s: /^[A-Za-z0-9_-]{43}$/,
} as const;

/** The parts of a `Monitor-HMAC` header, or why it is not one (naming the field). */
export function parseSignature(header: string): SignatureParts | { problem: string } {
  const rest = header.slice(SIGNATURE_SCHEME.length + 1);
  const fields = new Map<string, string>();
  for (const pair of rest.split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) fields.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  for (const [name, rule] of Object.entries(FIELD_RULES)) {
    const value = fields.get(name);
    if (value === undefined) return { problem: `the signature has no '${name}=' field` };
    if (!rule.test(value)) return { problem: `the signature's '${name}=' field is malformed` };
  }
  return {
    timestamp: Number(fields.get('t')),
    nonce: fields.get('n')!,
    bodyDigest: fields.get('b')!,
    mac: fields.get('s')!,
  };
}
