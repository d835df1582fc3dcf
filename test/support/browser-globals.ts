import { WebSocket } from 'ws';

/**
 * komodo_client is written for browsers (and Node 22): it reaches for `localStorage` and a
 * global `WebSocket`. Node 20 has neither; these stand in with the same API.
 */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

const globals = globalThis as { localStorage?: unknown; WebSocket?: unknown };
globals.localStorage ??= new MemoryStorage();
globals.WebSocket ??= WebSocket;
