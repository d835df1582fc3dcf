import { ExpiringAnswers } from './expiring-answers';

describe('answers kept for a while', () => {
  it('reads once per period, shares the read in flight, and reads again once it expires', async () => {
    const answers = new ExpiringAnswers<number>(50);
    let reads = 0;
    const read = async () => ++reads;
    const [a, b] = await Promise.all([answers.get('s1', read), answers.get('s1', read)]);
    expect([a, b, reads]).toEqual([1, 1, 1]);
    expect(await answers.get('s2', read)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await answers.get('s1', read)).toBe(3);
  });

  it('does not keep a failure', async () => {
    const answers = new ExpiringAnswers<string>(10_000);
    await expect(answers.get('s', () => Promise.reject(new Error('unreachable')))).rejects.toThrow(
      'unreachable',
    );
    expect(await answers.get('s', async () => 'ok')).toBe('ok');
  });
});
