import { timingSafeEqual } from 'node:crypto';
import { NonceStore } from './nonce-store';
import {
  bodyDigest,
  deriveSigningKey,
  parseSignature,
  requestMac,
  SIGNATURE_SCHEME,
  SIGNATURE_WINDOW_MS,
} from './request-signature';

export type SignatureRefusalReason =
  'MISSING' | 'PLAIN_PASSKEY' | 'MALFORMED' | 'WRONG' | 'STALE' | 'REPLAYED' | 'BUSY' | 'BODY';

/** Why a request is refused, in words that never hold the value that was sent. */
export interface SignatureRefusal {
  ok: false;
  reason: SignatureRefusalReason;
  message: string;
}

export interface RequestVerifier {
  /**
   * Checks the header alone (before the body is read, so a stranger costs nothing): the mac,
   * the time window, and the nonce, which is then remembered. Answers the body's signed digest.
   */
  checkHeader(
    header: string | undefined,
    method: string,
    path: string,
  ): { ok: true; bodyDigest: string } | SignatureRefusal;
  /** Then the body must be the one signed. */
  checkBody(signedDigest: string, body: Buffer | string): SignatureRefusal | undefined;
}

/** The signing keys a verifier accepts at this moment: an agent's passkeys the core may replace. */
export interface SigningKeySource {
  signingKeys(): readonly Buffer[];
}

export interface VerifierOptions {
  windowMs?: number;
  /** How many nonces are remembered at most (each about 100 bytes). */
  maxNonces?: number;
  now?: () => number;
}

/**
 * The agent's check of signed requests, shared with every fake agent of the tests and benches.
 * Every configured passkey is tried, with no early exit and a constant-time comparison, so the
 * time taken tells neither the mac nor which passkey matched. The remembered nonces outlive a
 * change of keys (an agent whose passkey the core replaced), so no request is accepted twice.
 */
export function createRequestVerifier(
  passkeys: readonly string[] | SigningKeySource,
  options: VerifierOptions = {},
): RequestVerifier {
  const windowMs = options.windowMs ?? SIGNATURE_WINDOW_MS;
  const now = options.now ?? (() => Date.now());
  const source: SigningKeySource = Array.isArray(passkeys)
    ? fixedKeys(passkeys as readonly string[])
    : (passkeys as SigningKeySource);
  const nonces = new NonceStore(options.maxNonces ?? 100_000);
  const seconds = Math.round(windowMs / 1000);
  const refuse = (reason: SignatureRefusalReason, message: string): SignatureRefusal => ({
    ok: false,
    reason,
    message,
  });

  return {
    checkHeader(header, method, path) {
      if (!header) {
        return refuse(
          'MISSING',
          `missing signature: the core signs each request in the 'authorization' header (${SIGNATURE_SCHEME})`,
        );
      }
      if (!header.startsWith(`${SIGNATURE_SCHEME} `)) {
        return refuse(
          'PLAIN_PASSKEY',
          `the 'authorization' header is not a ${SIGNATURE_SCHEME} signature: this agent no longer ` +
            "accepts the passkey itself, which would cross the wire; upgrade Monitor's core, " +
            'which signs each request instead',
        );
      }
      const parts = parseSignature(header);
      if ('problem' in parts) return refuse('MALFORMED', `malformed signature: ${parts.problem}`);
      const given = Buffer.from(parts.mac, 'base64url');
      let matched = false;
      for (const key of source.signingKeys()) {
        matched = timingSafeEqual(requestMac(key, parts, method, path), given) || matched;
      }
      if (!matched) {
        return refuse(
          'WRONG',
          "wrong passkey: the signature matches none of this agent's passkeys",
        );
      }
      const at = now();
      const skew = parts.timestamp - at;
      if (Math.abs(skew) > windowMs) {
        return refuse(
          'STALE',
          `stale request: it was signed at ${new Date(parts.timestamp).toISOString()}, ` +
            `${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? 'ahead of' : 'behind'} this agent's ` +
            `clock (${new Date(at).toISOString()}); requests are accepted within ±${seconds} s: ` +
            'if it is not a replay, synchronise both clocks (NTP)',
        );
      }
      const remembered = nonces.remember(parts.nonce, parts.timestamp + windowMs, at);
      if (remembered === 'seen') {
        return refuse(
          'REPLAYED',
          `replayed request: its nonce was already used within the last ${seconds} s`,
        );
      }
      if (remembered === 'full') {
        return refuse(
          'BUSY',
          `too many requests within ${seconds} s (${nonces.size} remembered): retry later`,
        );
      }
      return { ok: true, bodyDigest: parts.bodyDigest };
    },

    checkBody(signedDigest, body) {
      return bodyDigest(body) === signedDigest
        ? undefined
        : refuse('BODY', 'the body is not the one signed (its SHA-256 differs from b=)');
    },
  };
}

function fixedKeys(passkeys: readonly string[]): SigningKeySource {
  const keys = passkeys.map(deriveSigningKey);
  return { signingKeys: () => keys };
}
