import { signRequest } from '@monitor/agent-client';

/** What the agent answered: the status and the parsed JSON body. */
export interface AgentAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface CallOptions {
  /** Signs the request with it, as the core does. */
  passkey?: string;
  /** The body sent, instead of `{ type, params }` (signed as sent). */
  body?: string;
  /** Sent as is instead of a signature (a plain passkey, a replayed header). */
  authorization?: string;
  /** The signer's clock, for stale requests. */
  now?: number;
}

/** One `POST /` to an agent over plain HTTP, signed as the core signs it (for tests). */
export async function callAgent<T = unknown>(
  url: string,
  type: string,
  params: unknown = {},
  options: CallOptions = {},
): Promise<AgentAnswer<T>> {
  const body = options.body ?? JSON.stringify({ type, params });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (options.passkey !== undefined) {
    headers.authorization = await signRequest(
      options.passkey,
      { method: 'POST', path: '/', body },
      { now: options.now },
    );
  }
  const response = await fetch(`${url}/`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as T };
}
