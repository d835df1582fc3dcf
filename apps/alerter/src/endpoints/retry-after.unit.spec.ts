import { retryAfterMs } from './retry-after';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-06T15:00:00Z');
  it.each([
    ['absent', null, undefined],
    ['seconds', '120', 120_000],
    ['zero seconds', '0', 0],
    ['an HTTP date ahead', 'Sun, 06 Dec 2026 15:00:30 GMT', 30_000],
    ['an HTTP date passed', 'Sun, 06 Dec 2026 14:00:00 GMT', 0],
    ['unreadable', 'soon', undefined],
    ['negative seconds', '-5', undefined],
  ])('%s', (_case, header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
});
