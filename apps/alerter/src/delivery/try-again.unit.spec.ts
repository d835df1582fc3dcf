import { tryAgain } from './try-again';

const failing = (times: number) => {
  let calls = 0;
  const work = async () => {
    calls += 1;
    if (calls <= times) throw new Error(`fault ${calls}`);
  };
  return { work, calls: () => calls };
};

describe('tryAgain: idempotent work that a passing fault should not lose', () => {
  it('tries again after a failure, waiting longer each time, until it succeeds', async () => {
    const { work, calls } = failing(2);
    const heard: [string, number, boolean][] = [];
    const started = Date.now();
    const ok = await tryAgain(
      work,
      { tries: 5, firstWaitMs: 20, signal: new AbortController().signal },
      (error, tried, last) => heard.push([(error as Error).message, tried, last]),
    );
    expect(ok).toBe(true);
    expect(calls()).toBe(3);
    expect(heard).toEqual([
      ['fault 1', 1, false],
      ['fault 2', 2, false],
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
  });

  it('gives up once its tries are spent, saying which failure was the last', async () => {
    const { work, calls } = failing(10);
    const last: boolean[] = [];
    const ok = await tryAgain(
      work,
      { tries: 3, firstWaitMs: 1, signal: new AbortController().signal },
      (_, __, isLast) => last.push(isLast),
    );
    expect(ok).toBe(false);
    expect(calls()).toBe(3);
    expect(last).toEqual([false, false, true]);
  });

  it('stops waiting when the signal aborts: the failure then is the last', async () => {
    const { work, calls } = failing(10);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const started = Date.now();
    const ok = await tryAgain(
      work,
      { tries: 5, firstWaitMs: 10_000, signal: stop.signal },
      () => {},
    );
    expect(ok).toBe(false);
    expect(calls()).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
