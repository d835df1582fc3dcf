import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

/** How the build's RUN says when it printed a line: the host's uptime, which it shares. */
export const PRINTED_LINE = /live-line (\d+) at ([\d.]+)/g;

/**
 * Milliseconds to add to `/proc/uptime` for the wall clock. A RUN step runs under the host's
 * kernel and reads the same uptime (to 10 ms), where busybox's `date` has no sub-second field.
 */
export function uptimeOffset(): number {
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return Date.now() - uptime * 1000;
}

export type Read = (id: string) => Promise<{
  status: string;
  logs: { stage: string; stdout: string; start_ts: number; end_ts: number }[];
}>;

/**
 * Follows one Update as the Update page does (each `/ws/update` message about it, then a read
 * of it) and answers, for each printed line, the milliseconds from its print to the first read
 * that showed it.
 */
export class LineLatency {
  private readonly messages: string[] = [];
  private wake?: () => void;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      if (text === 'LOGGED_IN') return;
      this.messages.push(text);
      this.wake?.();
    });
  }

  static open(url: string, jwt: string): Promise<LineLatency> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/update`);
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'Jwt', params: { jwt } })));
      socket.once('message', (data) =>
        data.toString() === 'LOGGED_IN'
          ? resolve(new LineLatency(socket))
          : reject(new Error(`update feed refused: ${data.toString()}`)),
      );
    });
  }

  async follow(id: string, read: Read, offset: number, timeoutMs = 120_000): Promise<number[]> {
    const seen = new Map<string, number>();
    const deadline = Date.now() + timeoutMs;
    let next = 0;
    for (;;) {
      while (next >= this.messages.length) {
        if (Date.now() > deadline) throw new Error(`Update ${id} not complete`);
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, 100);
        });
      }
      if (!this.messages[next++].includes(id)) continue;
      const update = await read(id);
      const shownAt = Date.now();
      for (const log of update.logs) {
        for (const [, line, at] of log.stdout.matchAll(PRINTED_LINE)) {
          if (!seen.has(line)) seen.set(line, shownAt - (Number(at) * 1000 + offset));
        }
      }
      if (update.status === 'Complete') return [...seen.values()];
    }
  }

  close(): void {
    this.socket.close();
  }
}
