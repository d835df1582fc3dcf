import { MemoryCheckpointStore } from './adapters/memory/memory-checkpoint-store';
import type { CheckpointStore } from './checkpoints';
import { CheckpointsWrittenBehind } from './checkpoints-written-behind';

/** Checkpoints in memory that count their writes, and refuse them while `failing`. */
class CountedCheckpoints implements CheckpointStore {
  readonly inner = new MemoryCheckpointStore();
  writes = 0;
  failing = false;

  load(name: string): Promise<number> {
    return this.inner.load(name);
  }

  async save(name: string, position: number): Promise<void> {
    if (this.failing) throw new Error('store away');
    this.writes++;
    await this.inner.save(name, position);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CheckpointsWrittenBehind', () => {
  it('writes the latest of many saves once, after the delay', async () => {
    const store = new CountedCheckpoints();
    const behind = new CheckpointsWrittenBehind(store, fail, 20);
    for (let position = 1; position <= 100; position++) await behind.save('feed', position);
    expect(store.writes).toBe(0);
    expect(await behind.load('feed')).toBe(100);
    await sleep(60);
    expect(store.writes).toBe(1);
    expect(await store.load('feed')).toBe(100);
  });

  it('writes each name, at once on flush', async () => {
    const store = new CountedCheckpoints();
    const behind = new CheckpointsWrittenBehind(store, fail, 60_000);
    await behind.save('a', 3);
    await behind.save('b', 7);
    await behind.flush();
    expect([await store.load('a'), await store.load('b'), store.writes]).toEqual([3, 7, 2]);
    await behind.flush();
    expect(store.writes).toBe(2);
  });

  it('reports a failed write and writes the position with the next', async () => {
    const store = new CountedCheckpoints();
    const errors: string[] = [];
    const behind = new CheckpointsWrittenBehind(
      store,
      (e, name) => errors.push(`${name}: ${e.message}`),
      20,
    );
    store.failing = true;
    await behind.save('feed', 5);
    await behind.flush();
    expect(errors).toEqual(['feed: store away']);
    expect(await store.load('feed')).toBe(0);
    expect(await behind.load('feed')).toBe(5);
    store.failing = false;
    await sleep(60);
    expect(await store.load('feed')).toBe(5);
  });

  it('once closed, reports a failed write without trying it again', async () => {
    const store = new CountedCheckpoints();
    const errors: string[] = [];
    const behind = new CheckpointsWrittenBehind(store, (e) => errors.push(e.message), 20);
    await behind.save('feed', 5);
    store.failing = true;
    await behind.close();
    store.failing = false;
    await sleep(60);
    expect(errors).toEqual(['store away']);
    expect(store.writes).toBe(0);
  });

  it('keeps a later position over the failed one', async () => {
    const store = new CountedCheckpoints();
    const behind = new CheckpointsWrittenBehind(store, () => undefined, 60_000);
    store.failing = true;
    await behind.save('feed', 5);
    const flushed = behind.flush();
    await behind.save('feed', 9);
    await flushed;
    store.failing = false;
    await behind.flush();
    expect(await store.load('feed')).toBe(9);
  });
});

function fail(error: Error): never {
  throw error;
}
