import { COMPOSE_PREFIX, TIMESTAMP_PREFIX } from './log-prefixes';

describe('log line prefixes', () => {
  it("match Docker's timestamps, and not a line that only starts with a date", () => {
    expect(TIMESTAMP_PREFIX.exec('2026-12-06T09:04:01.123456789Z GET / 200')?.[0]).toBe(
      '2026-12-06T09:04:01.123456789Z ',
    );
    expect(TIMESTAMP_PREFIX.exec('2026-12-06T09:04:01+02:00 x')?.[0]).toBe(
      '2026-12-06T09:04:01+02:00 ',
    );
    expect(TIMESTAMP_PREFIX.test('2026-12-06 09:04 started')).toBe(false);
  });

  it("match the agent's compose prefix, once", () => {
    expect(COMPOSE_PREFIX.exec('shop-api-1  | web-1  | hello')?.[0]).toBe('shop-api-1  | ');
    expect(COMPOSE_PREFIX.test('a | b')).toBe(false);
  });
});
