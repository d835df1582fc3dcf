import { waitUntil, WaitFailed } from './wait-until';

describe('waitUntil', () => {
  it('asks until an answer comes, doubling the interval up to maxIntervalMs', async () => {
    const asked: number[] = [];
    const start = Date.now();
    const answer = await waitUntil(
      () => {
        asked.push(Date.now() - start);
        return Promise.resolve(asked.length === 6 ? 'up' : undefined);
      },
      () => 'never',
      { timeoutMs: 5_000, intervalMs: 20, maxIntervalMs: 40 },
    );
    expect(answer).toBe('up');
    const gaps = asked.slice(1).map((at, i) => at - asked[i]);
    // 20, 40, 40, 40, 40 (uncapped: 20, 40, 80, 160, 320, over 600 ms in all).
    expect(gaps[0]).toBeGreaterThanOrEqual(19);
    for (const gap of gaps.slice(1)) expect(gap).toBeGreaterThanOrEqual(39);
    expect(asked[5]).toBeLessThan(600);
  });

  it('keeps the interval without maxIntervalMs', async () => {
    let asked = 0;
    const start = Date.now();
    await expect(
      waitUntil(
        () => {
          asked++;
          return Promise.resolve(undefined);
        },
        () => 'nothing came',
        { timeoutMs: 200, intervalMs: 20 },
      ),
    ).rejects.toThrow(new WaitFailed('nothing came within 0.2 s', 'timeout'));
    expect(Date.now() - start).toBeGreaterThanOrEqual(195);
    expect(asked).toBeGreaterThan(5);
  });

  it('says the last reason at the timeout, and throws a final error at once', async () => {
    await expect(
      waitUntil(
        () => Promise.reject(new Error('refused')),
        (reason) => `no agent (last: ${reason})`,
        { timeoutMs: 50, intervalMs: 10 },
      ),
    ).rejects.toThrow('no agent (last: refused) within 0.1 s');
    const final = new Error('passkey refused');
    await expect(
      waitUntil(
        () => Promise.reject(final),
        () => 'x',
        {
          timeoutMs: 5_000,
          intervalMs: 10,
          isFinal: (error) => error === final,
        },
      ),
    ).rejects.toBe(final);
  });

  it('stops when its signal aborts', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 30);
    await expect(
      waitUntil(
        () => Promise.resolve(undefined),
        () => 'still pending',
        {
          timeoutMs: 5_000,
          intervalMs: 1_000,
          signal: abort.signal,
        },
      ),
    ).rejects.toMatchObject({ reason: 'cancelled', message: 'cancelled: still pending' });
  });
});
