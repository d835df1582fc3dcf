import { createRequestVerifier, type SignatureRefusalReason } from '@monitor/agent-client';
import type { ProcessLogger } from '@monitor/process';
import type { IncomingMessage } from 'node:http';
import { PeripheryError } from '../api/periphery-error';
import type { PeripheryConfig } from '../config';
import { AgentPasskeys } from './agent-passkeys';
import { createIpAllowList } from './ip-allow-list';
import { SignedBodies } from './signed-body';

/** What the log says of a refusal: the reason, never the value that was sent. */
const LOGGED: Record<SignatureRefusalReason, string> = {
  MISSING: 'no signature was sent',
  PLAIN_PASSKEY: 'a plain passkey was sent (an old core?)',
  MALFORMED: 'the signature was malformed',
  WRONG: 'the passkey was wrong',
  STALE: 'the signature was stale (clock skew or a replay)',
  REPLAYED: 'a replayed request',
  BUSY: 'too many requests to remember',
  BODY: 'the body was not the one signed',
};

export interface AccessCheck {
  /** Why this request may not talk to the agent (logged here), or undefined when it may. */
  refusal(req: IncomingMessage): PeripheryError | undefined;
  /** The signed digest of each admitted request's body, checked as the body is read. */
  bodies: SignedBodies;
}

/**
 * Runs before the body is read, so a caller that may not talk to the agent costs it nothing:
 * the address, then the request's signature (the core signs each request with the passkey,
 * which never crosses the wire); the body is checked against the signature once it is read.
 * The address comes from the socket, never from a forwarded-for header a client could write.
 * The passkeys are the ones accepted at each request's check: the core may replace them.
 */
export function createAccessCheck(
  config: PeripheryConfig,
  logger: Pick<ProcessLogger, 'warn'>,
  passkeys: AgentPasskeys = AgentPasskeys.load(config),
): AccessCheck {
  const allowList = createIpAllowList(config.allowed_ips);
  const verifier = createRequestVerifier(passkeys);
  const bodies = new SignedBodies(verifier, passkeys);
  // Fixed at start: a passkey the core sets later needs a signed request, so never opens it.
  const open = passkeys.empty && config.allow_no_passkey;

  const refuse = (error: PeripheryError, address: string, reason: string) => {
    logger.warn(`refused a request from ${address}: ${reason}`);
    return error;
  };

  const refusal = (req: IncomingMessage): PeripheryError | undefined => {
    const address = req.socket.remoteAddress ?? 'unknown address';
    if (!allowList.allows(req.socket.remoteAddress)) {
      const error = new PeripheryError(
        'FORBIDDEN',
        `address ${address} is not in this agent's allowed_ips`,
      );
      return refuse(error, address, 'address not in allowed_ips');
    }
    if (open) return undefined;
    const checked = verifier.checkHeader(
      req.headers.authorization,
      req.method ?? '',
      req.url ?? '/',
    );
    if (!checked.ok) {
      const code = checked.reason === 'BUSY' ? 'TOO_MANY_REQUESTS' : 'UNAUTHORIZED';
      return refuse(new PeripheryError(code, checked.message), address, LOGGED[checked.reason]);
    }
    bodies.expect(req, checked.bodyDigest);
    return undefined;
  };
  return { refusal, bodies };
}
