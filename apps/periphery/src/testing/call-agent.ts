/** What the agent answered: the status and the parsed JSON body. */
export interface AgentAnswer<T = unknown> {
  status: number;
  body: T;
}

/** One `POST /` to an agent over plain HTTP, as the core sends it (for tests). */
export async function callAgent<T = unknown>(
  url: string,
  type: string,
  params: unknown = {},
  options: { passkey?: string; body?: string } = {},
): Promise<AgentAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.passkey !== undefined) headers.authorization = options.passkey;
  const response = await fetch(`${url}/`, {
    method: 'POST',
    headers,
    body: options.body ?? JSON.stringify({ type, params }),
  });
  return { status: response.status, body: (await response.json()) as T };
}
