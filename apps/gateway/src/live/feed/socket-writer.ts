import type { WebSocket } from 'ws';

/** What a socket may hold unsent before a feed waits for the client to take it. */
const HIGH_WATER = 64 * 1024;

/**
 * Writes a socket's messages and tells when the client has taken them: the feeds on one socket
 * (its Updates, its observed events) wait on the same writer.
 */
export class SocketWriter {
  private flushed: Promise<void> = Promise.resolve();

  constructor(private readonly socket: WebSocket) {}

  /** Sends the text; false when the socket holds more than it should (await `drained`). */
  send(text: string): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return true;
    this.flushed = new Promise((resolve) => this.socket.send(text, () => resolve()));
    return this.socket.bufferedAmount < HIGH_WATER;
  }

  /** Resolves once the last message was written out (or the socket failed or closed). */
  drained(): Promise<void> {
    if (this.socket.readyState !== this.socket.OPEN) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.socket.off('close', done);
        resolve();
      };
      this.socket.on('close', done);
      void this.flushed.then(done);
    });
  }

  ping(): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.ping();
  }

  /** Closes with the code and reason (a close frame's reason holds 123 bytes). */
  close(code: number, reason: string): void {
    this.socket.close(code, reason.slice(0, 120));
    // A client that does not read never takes the close frame either.
    setTimeout(() => this.socket.terminate(), 10_000).unref();
  }
}
