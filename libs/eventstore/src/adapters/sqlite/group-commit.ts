/** How one item of a group ended: its result, or the error it alone failed with. */
export type GroupOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted in the same turn of the event loop are committed together, by
 * one call of `commit` (one transaction), in the loop's check phase (setImmediate). Each
 * submitter's promise settles only after that call returned, with its own item's outcome; a
 * `commit` that throws fails every item of the group. Not a microtask: concurrent work (HTTP
 * requests, bus deliveries) reaches the store from separate I/O callbacks, whose microtasks
 * each drain on their own, so a microtask would commit them one by one.
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];

  constructor(private readonly commit: (items: T[]) => GroupOutcome<R>[]) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.waiting.push({ item, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits what waits now (nothing: does nothing); the store flushes before it closes. */
  flush(): void {
    const group = this.waiting;
    if (!group.length) return;
    this.waiting = [];
    let outcomes: GroupOutcome<R>[];
    try {
      outcomes = this.commit(group.map((waiting) => waiting.item));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    group.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
