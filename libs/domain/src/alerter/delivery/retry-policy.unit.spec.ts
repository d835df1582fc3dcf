import { afterFailure, isRetryable, parseRetryAfter, retryDelayMs } from './retry-policy';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const now = Date.UTC(2026, 11, 6, 12, 0, 0);
const always = (value: number) => () => value;

describe('retry policy', () => {
  it.each([
    [undefined, true],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [410, false],
    [422, false],
    [301, false],
    [600, false],
  ])('status %p retryable: %p', (status, retryable) => {
    expect(isRetryable(status)).toBe(retryable);
  });

  it.each([
    [undefined, undefined],
    ['120', 120 * SECOND],
    [' 0 ', 0],
    ['Sun, 06 Dec 2026 12:00:30 GMT', 30 * SECOND],
    ['Sunday, 06-Dec-26 12:01:00 GMT', MINUTE],
    ['Sun, 06 Dec 2026 11:00:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
  ])('Retry-After %p is %p ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([
    // attempt, random, Retry-After ms, delay
    [1, 0, undefined, 0],
    [1, 0.5, undefined, 500],
    [1, 0.999, undefined, 999],
    [2, 0.5, undefined, 1_000],
    [4, 0.5, undefined, 4_000],
    [9, 0.5, undefined, 128_000],
    [10, 0.5, undefined, 150_000], // 2^9 s = 512 s is past the 5 min cap
    [40, 0.999, undefined, 299_700],
    [1, 0.5, 30 * SECOND, 30 * SECOND], // never less than Retry-After
    [10, 0.5, 10 * SECOND, 150_000], // the backoff when longer
    [1, 0, 3 * HOUR, HOUR], // Retry-After capped at an hour
  ])('attempt %p, random %p, Retry-After %p: waits %p ms', (attempt, random, asked, delay) => {
    expect(retryDelayMs(attempt, always(random), asked)).toBe(delay);
  });

  it('refuses a jitter source outside [0, 1)', () => {
    for (const bad of [1, -0.1, NaN]) {
      expect(() => retryDelayMs(1, always(bad))).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
  });

  it('retries a retryable failure after the delay', () => {
    const failed = { attempt: 3, at: now, firstAttemptAt: now - MINUTE };
    expect(afterFailure({ ...failed, status: 503 }, always(0.5))).toEqual({
      retry: true,
      nextAttemptAt: now + 2_000,
    });
    expect(afterFailure({ ...failed, status: 429, retryAfter: '90' }, always(0.5))).toEqual({
      retry: true,
      retryAfterMs: 90 * SECOND,
      nextAttemptAt: now + 90 * SECOND,
    });
  });

  it('gives up at once on another 4xx, naming the status', () => {
    const failed = { attempt: 1, status: 404, at: now, firstAttemptAt: now };
    expect(afterFailure(failed, always(0.5))).toEqual({
      retry: false,
      reason: 'the receiver answered 404',
    });
  });

  it('gives up when the next try would start more than 24 h after the first', () => {
    const first = now - 24 * HOUR + MINUTE;
    const failed = { attempt: 300, at: now, firstAttemptAt: first };
    // The cap is 5 min: at random 0.1 the next try is 30 s on, within the day.
    expect(afterFailure(failed, always(0.1))).toMatchObject({ retry: true });
    // At random 0.5 it would be 150 s on, past the day.
    expect(afterFailure(failed, always(0.5))).toEqual({
      retry: false,
      reason: 'still failing after 24 h of trying (300 attempts)',
    });
    // A Retry-After past the day gives up as well.
    expect(afterFailure({ ...failed, retryAfter: '120' }, always(0))).toMatchObject({
      retry: false,
      retryAfterMs: 120 * SECOND,
    });
  });
});
