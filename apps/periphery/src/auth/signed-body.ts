import type { IncomingMessage } from 'node:http';
import type { RequestVerifier } from '@monitor/agent-client';
import { PeripheryError } from '../api/periphery-error';
import type { AgentPasskeys } from './agent-passkeys';

/**
 * The second half of a signed request's check: the header was verified before the body was
 * read (access-check.ts), the body is checked against its signed digest once it is read.
 * A request whose header passed but that sends no body is checked as an empty one. A request
 * whose signature was checked before the core replaced the passkey is refused: it was signed
 * with a passkey no longer accepted, and the core is told as soon as its answer comes.
 */
export class SignedBodies {
  private readonly pending = new WeakMap<IncomingMessage, { digest: string; generation: number }>();

  constructor(
    private readonly verifier: RequestVerifier,
    private readonly passkeys?: AgentPasskeys,
  ) {}

  expect(req: IncomingMessage, signedDigest: string): void {
    this.pending.set(req, { digest: signedDigest, generation: this.passkeys?.generation ?? 0 });
  }

  /** Why these bytes are not the ones signed, once per request; undefined when they are. */
  check(req: IncomingMessage, body: Buffer | string): PeripheryError | undefined {
    const signed = this.pending.get(req);
    if (signed === undefined) return undefined;
    this.pending.delete(req);
    if (this.passkeys && this.passkeys.generation !== signed.generation) {
      return new PeripheryError(
        'UNAUTHORIZED',
        "wrong passkey: the core replaced this agent's passkey while the request was read; " +
          'sign it with the current one',
      );
    }
    const refusal = this.verifier.checkBody(signed.digest, body);
    return refusal && new PeripheryError('UNAUTHORIZED', refusal.message);
  }
}
