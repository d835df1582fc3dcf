import { DELIVERY_MEMORY_MS, DeliveryLog, pushedAt } from './delivery-log';

describe('DeliveryLog', () => {
  const body = Buffer.from('{"ref":"refs/heads/main","after":"abc"}');
  const target = 'github/stack/s1/deploy';

  it('notes a delivery once, by id and by body, per target', () => {
    const log = new DeliveryLog();
    expect(log.firstReceived({ target, id: 'd1', body }, 1000)).toBeUndefined();
    // The same id with other bytes, and the same bytes under a fresh id: both replays.
    expect(log.firstReceived({ target, id: 'd1', body: Buffer.from('{}') }, 2000)).toBe(1000);
    expect(log.firstReceived({ target, id: 'd2', body }, 2000)).toBe(1000);
    expect(log.firstReceived({ target, body }, 2000)).toBe(1000);
    // The same push to another stack's webhook is its own delivery.
    expect(log.firstReceived({ target: 'github/stack/s2/deploy', body }, 2000)).toBeUndefined();
  });

  it('forgets a delivery after a day', () => {
    const log = new DeliveryLog();
    expect(log.firstReceived({ target, body }, 0)).toBeUndefined();
    expect(log.firstReceived({ target, body }, DELIVERY_MEMORY_MS + 1)).toBeUndefined();
  });

  it("reads GitHub's push time in both of its forms", () => {
    expect(pushedAt({ repository: { pushed_at: 1_700_000_000 } })).toBe(1_700_000_000_000);
    expect(pushedAt({ repository: { pushed_at: '2023-11-14T22:13:20Z' } })).toBe(1_700_000_000_000);
    expect(pushedAt({ repository: {} })).toBeUndefined();
    expect(pushedAt(null)).toBeUndefined();
  });
});
