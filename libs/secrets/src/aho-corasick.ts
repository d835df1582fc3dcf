/**
 * Aho-Corasick over UTF-16 code units: finds every occurrence of any of N patterns in one pass,
 * in time linear in the text whatever N. A combined regex (`a|b|...`) was measured at ~0.6-0.9 s
 * for 1,000 secrets over 1 MB on a 2-core machine, because V8 tries the alternatives one by one at
 * every position; this runs the same case in well under 0.1 s.
 */
export class MultiMatcher {
  /** goto function: per state, next state by code unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Length of the longest pattern ending at this state (own or through fail links), 0: none. */
  private readonly longest: number[] = [0];
  /** Length of the longest pattern. */
  longestPattern = 0;

  constructor(patterns: Iterable<string>) {
    for (const pattern of patterns) this.insert(pattern);
    this.link();
  }

  /**
   * The parts of `text` covered by any occurrence of any pattern, overlapping or nested ones
   * merged: sorted, disjoint [start, end) pairs.
   */
  cover(text: string): [number, number][] {
    const spans: [number, number][] = [];
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      let to = this.next[state].get(unit);
      while (to === undefined && state !== 0) {
        state = this.fail[state];
        to = this.next[state].get(unit);
      }
      state = to ?? 0;
      const length = this.longest[state];
      if (length === 0) continue;
      // Ends only grow, but a longer match may start before earlier spans: swallow them.
      let start = i + 1 - length;
      while (spans.length > 0 && start < spans[spans.length - 1][1]) {
        start = Math.min(start, (spans.pop() as [number, number])[0]);
      }
      spans.push([start, i + 1]);
    }
    return spans;
  }

  private insert(pattern: string): void {
    let state = 0;
    for (let i = 0; i < pattern.length; i += 1) {
      const unit = pattern.charCodeAt(i);
      let to = this.next[state].get(unit);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.longest.push(0);
        this.next[state].set(unit, to);
      }
      state = to;
    }
    this.longest[state] = Math.max(this.longest[state], pattern.length);
    this.longestPattern = Math.max(this.longestPattern, pattern.length);
  }

  /** Breadth-first: a state's fail link is the longest proper suffix that is also a prefix. */
  private link(): void {
    const queue = [...this.next[0].values()];
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head];
      for (const [unit, child] of this.next[state]) {
        queue.push(child);
        let fallback = this.fail[state];
        while (fallback !== 0 && !this.next[fallback].has(unit)) fallback = this.fail[fallback];
        const target = this.next[fallback].get(unit);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.longest[child] = Math.max(this.longest[child], this.longest[this.fail[child]]);
      }
    }
  }
}
