import type { IncomingMessage } from 'node:http';
import type { RequestVerifier } from '@monitor/agent-client';
import { PeripheryError } from '../api/periphery-error';

/**
 * The second half of a signed request's check: the header was verified before the body was
 * read (access-check.ts), the body is checked against its signed digest once it is read.
 * A request whose header passed but that sends no body is checked as an empty one.
 */
export class SignedBodies {
  private readonly pending = new WeakMap<IncomingMessage, string>();

  constructor(private readonly verifier: RequestVerifier) {}

  expect(req: IncomingMessage, signedDigest: string): void {
    this.pending.set(req, signedDigest);
  }

  /** Why these bytes are not the ones signed, once per request; undefined when they are. */
  check(req: IncomingMessage, body: Buffer | string): PeripheryError | undefined {
    const signedDigest = this.pending.get(req);
    if (signedDigest === undefined) return undefined;
    this.pending.delete(req);
    const refusal = this.verifier.checkBody(signedDigest, body);
    return refusal && new PeripheryError('UNAUTHORIZED', refusal.message);
  }
}
