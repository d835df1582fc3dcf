/** A refusal from the gateway, as it answered it: `{ error, trace, code }` and the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly trace: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function answerOf<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(response.status, text.slice(0, 300) || response.statusText);
  }
  if (response.ok) return body as T;
  const { error, code, trace } = body as { error?: string; code?: string; trace?: string[] };
  throw new ApiError(
    response.status,
    error ?? `${response.status} ${response.statusText}`,
    code,
    trace,
  );
}
