import type { SendResult } from '../endpoints';

/** What a failed send tells the retry policy. */
export interface FailedSend {
  /** The HTTP status; none for a timeout, a network error or any e-mail failure. */
  status?: number;
  /** Set when the same send would fail again though no HTTP status says so. */
  permanent?: string;
  /** Retry-After as the header's delta-seconds. */
  retryAfter?: string;
  error: string;
}

/**
 * A failed send as the retry policy reads it. An SMTP reply code is no HTTP status: a 4xx reply
 * is temporary (tried again, as a timeout), a 5xx one permanent (given up).
 */
export function failedSend(result: SendResult): FailedSend {
  const error = result.error ?? 'the send failed';
  const retryAfter =
    result.retryAfter === undefined
      ? {}
      : { retryAfter: String(Math.ceil(result.retryAfter / 1000)) };
  if (result.smtpCode !== undefined) {
    return result.smtpCode >= 500
      ? { permanent: `the mail server refused it (SMTP ${result.smtpCode})`, error }
      : { error };
  }
  return {
    ...(result.status === undefined ? {} : { status: result.status }),
    ...retryAfter,
    error,
  };
}
