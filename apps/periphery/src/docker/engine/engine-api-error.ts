/**
 * The engine answered outside 2xx. `statusCode` and `json.message` are the fields
 * docker-errors.ts turns into the agent's answer; `message` is the engine's own words.
 */
export class EngineApiError extends Error {
  readonly json: { message: string };

  constructor(
    readonly statusCode: number,
    message: string,
    /** The call, e.g. `POST /containers/web/start`, for a log reader. */
    readonly call: string,
  ) {
    super(message);
    this.name = 'EngineApiError';
    this.json = { message };
  }
}

/**
 * What a failed answer says. The engine answers `{"message": "..."}`; a proxy or an old engine
 * may answer plain text; a 304 (already started, already stopped) answers nothing.
 */
export function engineFailure(statusCode: number, body: string, call: string): EngineApiError {
  const text = body.trim();
  let message = text;
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed?.message === 'string') message = parsed.message;
  } catch {
    // not JSON: the text itself is what was said
  }
  return new EngineApiError(
    statusCode,
    message || STATUS_WORDS[statusCode] || `HTTP ${statusCode}`,
    call,
  );
}

const STATUS_WORDS: Record<number, string> = {
  304: 'already in that state',
  404: 'not found',
  409: 'conflict',
  500: 'server error',
};
