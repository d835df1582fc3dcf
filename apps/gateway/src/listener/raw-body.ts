import type { IncomingMessage } from 'node:http';

export type WithRawBody = IncomingMessage & { rawBody?: Buffer };

/**
 * For the JSON parser's `verify`: a webhook's signature is over the exact bytes sent, which
 * re-serialising the parsed body would not reproduce. Kept only for `/listener/` requests.
 */
export function keepListenerRawBody(req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (req.url?.startsWith('/listener/')) (req as WithRawBody).rawBody = body;
}
