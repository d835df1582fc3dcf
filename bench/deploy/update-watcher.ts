import WebSocket from 'ws';

/**
 * Waits for Updates to complete the way the UI does: on `/ws/update`, rather than asking
 * `GetUpdate` in a loop, whose own load on the gateway would be measured with the deploy.
 */
export class UpdateWatcher {
  private readonly waiting = new Map<string, () => void>();
  private readonly done = new Set<string>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      if (text === 'LOGGED_IN') return;
      const update = JSON.parse(text) as { id: string; status: string };
      if (update.status !== 'Complete') return;
      this.done.add(update.id);
      this.waiting.get(update.id)?.();
    });
  }

  static open(url: string, jwt: string): Promise<UpdateWatcher> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/update`);
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'Jwt', params: { jwt } })));
      socket.once('message', (data) =>
        data.toString() === 'LOGGED_IN'
          ? resolve(new UpdateWatcher(socket))
          : reject(new Error(`update feed refused: ${data.toString()}`)),
      );
    });
  }

  complete(id: string, timeoutMs = 60_000): Promise<void> {
    if (this.done.has(id)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Update ${id} not complete`)), timeoutMs);
      this.waiting.set(id, () => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve();
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
