import { invalid } from '../../shared/domain-error';

/** How long a delivery keeps trying, and how it spaces its tries. */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** A receiver's Retry-After is honoured up to this; longer asks are cut to it. */
  retryAfterCapMs: number;
  /** Counted from the first attempt: a retry that would start later gives up instead. */
  giveUpAfterMs: number;
}

export const RETRY_POLICY: Readonly<RetryPolicy> = {
  baseMs: 1_000,
  capMs: 5 * 60_000,
  retryAfterCapMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
};

/**
 * Worth trying again: no status (a timeout or a refused connection), 408, 429 and 5xx. Any
 * other answer (a 4xx, a redirect the sender does not follow) will be the same next time.
 */
export function isRetryable(status: number | undefined): boolean {
  if (status === undefined) return true;
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * A Retry-After header in milliseconds from `now`: delta-seconds or an HTTP date (a date in the
 * past is 0). Undefined when absent or unreadable, so a bad header falls back to the backoff.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  // Digits alone were handled above: Date.parse would read '1' as the year 2001.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(cap, base * 2^(attempt-1))),
 * so replicas retrying the same receiver spread out. Never less than the receiver's Retry-After
 * (capped at an hour).
 */
export function retryDelayMs(
  attempt: number,
  random: () => number,
  retryAfterMs?: number,
  policy: RetryPolicy = RETRY_POLICY,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  const r = random();
  if (!(r >= 0 && r < 1))
    throw invalid(`random: the jitter's source gave ${r}, not a number in [0, 1)`);
  const jittered = Math.floor(r * ceiling);
  const asked = Math.min(retryAfterMs ?? 0, policy.retryAfterCapMs);
  return Math.max(jittered, asked);
}

export interface FailedAttempt {
  /** 1 for the first attempt. */
  attempt: number;
  /** The HTTP status; undefined for a timeout or a network error. */
  status?: number;
  /** The raw Retry-After header, if the receiver sent one. */
  retryAfter?: string;
  at: number;
  firstAttemptAt: number;
  /** Why this failure will be the same next time, when the sender knows (an SMTP 5xx). */
  permanent?: string;
}

export type RetryVerdict =
  | { retry: true; retryAfterMs?: number; nextAttemptAt: number }
  | { retry: false; retryAfterMs?: number; reason: string };

/** What follows a failed attempt: the next one's time, or giving up and why. */
export function afterFailure(
  failed: FailedAttempt,
  random: () => number,
  policy: RetryPolicy = RETRY_POLICY,
): RetryVerdict {
  const retryAfterMs = parseRetryAfter(failed.retryAfter, failed.at);
  const asked = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (failed.permanent) return { retry: false, ...asked, reason: failed.permanent };
  if (!isRetryable(failed.status)) {
    return { retry: false, ...asked, reason: `the receiver answered ${failed.status}` };
  }
  const nextAttemptAt = failed.at + retryDelayMs(failed.attempt, random, retryAfterMs, policy);
  if (nextAttemptAt > failed.firstAttemptAt + policy.giveUpAfterMs) {
    return {
      retry: false,
      ...asked,
      reason: `still failing after 24 h of trying (${failed.attempt} attempts)`,
    };
  }
  return { retry: true, ...asked, nextAttemptAt };
}
