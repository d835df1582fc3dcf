import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * `PROFILE=1`: this process's main thread profiled (V8's sampling profiler) while each half
 * runs, the self time of each function summed over the rounds, by half: where a run's cost is.
 */
export class SelfTime {
  private readonly session = new Session();
  private readonly totals = new Map<string, Map<string, number>>();

  async start(): Promise<void> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 100 });
  }

  async during<T>(half: string, work: () => Promise<T>): Promise<T> {
    await this.session.post('Profiler.start');
    try {
      return await work();
    } finally {
      const { profile } = (await this.session.post('Profiler.stop')) as { profile: Profile };
      this.add(half, profile);
    }
  }

  /** The `top` functions of each half by self time, in ms. */
  report(top = 25): string {
    return [...this.totals]
      .map(([half, byFunction]) => {
        const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
        const rows = [...byFunction]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([name, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
        return [`${half}: ${(total / 1000).toFixed(0)} ms sampled`, ...rows].join('\n');
      })
      .join('\n');
  }

  private add(half: string, { nodes, samples, timeDeltas }: Profile): void {
    const byId = new Map(nodes.map((n) => [n.id, n.callFrame]));
    const byFunction = this.totals.get(half) ?? new Map<string, number>();
    this.totals.set(half, byFunction);
    samples.forEach((id, i) => {
      const frame = byId.get(id)!;
      const file = frame.url.replace(/^.*\/(node_modules|dist)\//, '');
      const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + (timeDeltas[i + 1] ?? 0));
    });
  }
}
