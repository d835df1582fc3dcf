import { newId } from './ids';

const randomPart = (id: string) => BigInt(`0x${id.slice(8)}`);

describe('newId', () => {
  it('is 24 hex characters led by the seconds since the epoch, as an ObjectId', () => {
    const now = Date.UTC(2026, 11, 6, 10, 0, 0, 789);
    const id = newId(now);
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(parseInt(id.slice(0, 8), 16)).toBe(Math.floor(now / 1000));
  });

  it('sorts by time across seconds', () => {
    expect(newId(2_000_000_000_000) > newId(1_999_999_999_000)).toBe(true);
  });

  it('never repeats in the same second', () => {
    const now = Date.now();
    const ids = Array.from({ length: 100_000 }, () => newId(now));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a random part no neighbour predicts: no counter, every bit as often 0 as 1', () => {
    const now = Date.now();
    const ids = Array.from({ length: 2_000 }, () => newId(now));
    // An ObjectId's counter makes the next id the previous plus one; random parts lie far apart.
    for (let i = 1; i < ids.length; i++) {
      const distance = randomPart(ids[i]) - randomPart(ids[i - 1]);
      expect(distance < 0n ? -distance : distance).toBeGreaterThan(1n << 32n);
    }
    // Each of the 64 random bits is set in about half of the ids (±10 standard deviations).
    for (let bit = 0n; bit < 64n; bit++) {
      const set = ids.filter((id) => (randomPart(id) >> bit) & 1n).length;
      expect(set).toBeGreaterThan(ids.length / 2 - 225);
      expect(set).toBeLessThan(ids.length / 2 + 225);
    }
  });
});

describe('newId across its random pool', () => {
  it('never hands out the same random bytes twice, across many refills of the pool', () => {
    const now = Date.now();
    const parts = Array.from({ length: 512 * 20 + 7 }, () => newId(now).slice(8));
    expect(new Set(parts).size).toBe(parts.length);
  });

  it('refuses a time its 4 bytes of seconds cannot hold', () => {
    expect(() => newId(-1_000)).toThrow(RangeError);
    expect(() => newId(2 ** 32 * 1000)).toThrow(RangeError);
    expect(newId(0).slice(0, 8)).toBe('00000000');
  });
});
