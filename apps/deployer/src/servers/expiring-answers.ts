/**
 * One answer per key, kept for `ttlMs`: callers within that time (and those arriving while it
 * is being read) share it, so however often users ask, the agent does the work once per period.
 * A failed read is not kept.
 */
export class ExpiringAnswers<T> {
  private readonly answers = new Map<string, { until: number; answer: Promise<T> }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const kept = this.answers.get(key);
    if (kept && kept.until > now) return kept.answer;
    const answer = read();
    this.answers.set(key, { until: now + this.ttlMs, answer });
    answer.catch(() => {
      if (this.answers.get(key)?.answer === answer) this.answers.delete(key);
    });
    return answer;
  }
}
