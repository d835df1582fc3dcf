import { debounce, throttle, type Timers } from './rate-limit';

/** A clock that moves only when told: timers due by then run in order. */
function manualClock(): Timers & { advance(ms: number): void } {
  let now = 0;
  let nextHandle = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      const handle = ++nextHandle;
      timers.set(handle, { at: now + ms, run });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
  };
}

describe('throttle (live refetches of the web UI)', () => {
  it('given no run lately, when called, then it runs at once', () => {
    const clock = manualClock();
    const runs: number[] = [];
    throttle(() => runs.push(clock.now()), 1000, clock).call();
    expect(runs).toEqual([0]);
  });

  it('given a burst of calls, when time passes, then it runs once at once and once at the end of the interval', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const limited = throttle(() => runs.push(clock.now()), 1000, clock);
    for (let i = 0; i < 500; i++) {
      limited.call();
      clock.advance(1);
    }
    clock.advance(5000);
    expect(runs).toEqual([0, 1000]);
  });

  it('given calls spread out, when each comes after the interval, then each runs at once', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const limited = throttle(() => runs.push(clock.now()), 1000, clock);
    limited.call();
    clock.advance(1500);
    limited.call();
    clock.advance(1500);
    expect(runs).toEqual([0, 1500]);
  });

  it('given a pending run, when cancelled, then it does not run', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const limited = throttle(() => runs.push(clock.now()), 1000, clock);
    limited.call();
    limited.call();
    limited.cancel();
    clock.advance(5000);
    expect(runs).toEqual([0]);
  });
});

describe('debounce (the search typed into a list)', () => {
  it('given letters typed quickly, when the typing pauses, then it runs once after the pause', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const limited = debounce(() => runs.push(clock.now()), 250, clock);
    for (let i = 0; i < 6; i++) {
      limited.call();
      clock.advance(100);
    }
    expect(runs).toEqual([]);
    clock.advance(1000);
    expect(runs).toEqual([750]);
  });

  it('given two pauses, when typing resumes after the first, then it runs after each', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const limited = debounce(() => runs.push(clock.now()), 250, clock);
    limited.call();
    clock.advance(300);
    limited.call();
    clock.advance(300);
    expect(runs).toEqual([250, 550]);
  });

  it('given a pending run, when cancelled, then it does not run', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const limited = debounce(() => runs.push(clock.now()), 250, clock);
    limited.call();
    limited.cancel();
    clock.advance(1000);
    expect(runs).toEqual([]);
  });
});
