interface Waiting {
  position: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Lets callers wait until a projection has applied a given log position. */
export class PositionWaiter {
  position = 0;
  private waiting: Waiting[] = [];

  advance(position: number): void {
    if (position <= this.position) return;
    this.position = position;
    const ready = this.waiting.filter((w) => w.position <= position);
    if (!ready.length) return;
    this.waiting = this.waiting.filter((w) => w.position > position);
    for (const w of ready) {
      clearTimeout(w.timer);
      w.resolve();
    }
  }

  waitFor(position: number, timeoutMs: number): Promise<void> {
    if (position <= this.position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const entry: Waiting = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiting = this.waiting.filter((w) => w !== entry);
          reject(new Error(`read model did not reach position ${position} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiting.push(entry);
    });
  }

  close(): void {
    for (const w of this.waiting) {
      clearTimeout(w.timer);
      w.reject(new Error('read model stopped'));
    }
    this.waiting = [];
  }
}
