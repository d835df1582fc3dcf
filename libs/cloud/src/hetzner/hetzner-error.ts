/**
 * An error Hetzner answered (`{ error: { code, message } }`), named by its code as the AWS SDK
 * names EC2's errors: `not_found`, `uniqueness_error`, `rate_limit_exceeded`, ...
 */
export class HetznerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * The request may or may not have reached Hetzner (the connection failed or timed out): what it
 * asked for may exist. A create that ends so is looked for again (by its label) before anything
 * else.
 */
export class HetznerUnreachable extends Error {
  override readonly name = 'HetznerUnreachable';
}

/** Reads an error answer; a body that is not Hetzner's error shape is kept as the message. */
export function hetznerErrorOf(status: number, body: string): HetznerError {
  try {
    const { error } = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (error && typeof error.code === 'string')
      return new HetznerError(status, error.code, String(error.message ?? ''));
  } catch {
    // Not JSON (a proxy's page): the text says what happened.
  }
  return new HetznerError(status, `http_${status}`, body.slice(0, 200) || `HTTP ${status}`);
}

export const isNotFound = (error: unknown) =>
  error instanceof HetznerError && error.code === 'not_found';
