import type { FeedEnd, FeedSink, Positioned } from './feed-message';
import { FeedSubscription, type FeedOptions } from './feed-subscription';
import { LiveTail } from './live-tail';

/** A log of numbers (item = position) with a live tail pushed by `append`. */
function log(initial: number) {
  const items: number[] = Array.from({ length: initial }, (_, i) => i + 1);
  let deliver: ((m: Positioned<number>) => void) | undefined;
  const tail = new LiveTail<number>((d) => {
    deliver = d;
    return { start: items.length, stop: () => (deliver = undefined) };
  });
  return {
    source: {
      read: (after: number, limit: number) =>
        Promise.resolve(
          items
            .filter((p) => p > after)
            .slice(0, limit)
            .map((p) => ({ position: p, item: p })),
        ),
      tail,
    },
    append(count: number) {
      for (let i = 0; i < count; i++) {
        items.push(items.length + 1);
        deliver?.({ position: items.length, item: items.length });
      }
    },
  };
}

/** A client that takes messages while `reading`, and otherwise leaves them unsent. */
function client() {
  const got: number[] = [];
  const ends: FeedEnd[] = [];
  let reading = true;
  let release: (() => void) | undefined;
  const sink: FeedSink<number> = {
    send: ({ item }) => {
      got.push(item);
      return reading;
    },
    drained: () => new Promise((resolve) => (release = resolve)),
    heartbeat: () => undefined,
    end: (end) => ends.push(end),
  };
  return {
    got,
    ends,
    sink,
    stop: () => (reading = false),
    read: () => {
      reading = true;
      release?.();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

function subscribe(
  source: FeedOptions<number, string>['source'],
  sink: FeedSink<number>,
  more: Partial<FeedOptions<number, string>> = {},
) {
  return new FeedSubscription<number, string>({
    source,
    from: 0,
    sink,
    wants: () => true,
    signedIn: () => 'user',
    visible: (_principal, item) => item,
    buffer: 5,
    pageSize: 3,
    heartbeatMs: 60_000,
    onClose: () => undefined,
    ...more,
  });
}

describe('a feed subscription', () => {
  it('replays page by page, then follows the live tail, with no gap and no repeat', async () => {
    const { source, append } = log(7);
    const reader = client();
    const feed = subscribe(source, reader.sink, { from: 2 });
    append(2);
    await settle();
    append(3);
    await settle();
    expect(reader.got).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    feed.close();
    expect(source.tail.size).toBe(0);
  });

  it('sends only what the client wants and may see', async () => {
    const { source, append } = log(4);
    const reader = client();
    subscribe(source, reader.sink, {
      wants: (n) => n % 2 === 0,
      visible: (_p, n) => (n === 4 ? undefined : n),
    });
    await settle();
    append(4);
    await settle();
    expect(reader.got).toEqual([2, 6, 8]);
  });

  it('drops a client that falls a buffer behind, telling where it got to', async () => {
    const { source, append } = log(0);
    const reader = client();
    const closed: string[] = [];
    subscribe(source, reader.sink, { onClose: () => closed.push('closed') });
    await settle();
    reader.stop();
    append(1);
    await settle();
    append(5);
    expect(reader.ends).toEqual([]);
    append(1);
    expect(reader.ends).toEqual([expect.objectContaining({ code: 'DROPPED', after: 1 })]);
    expect(reader.ends[0].reason).toMatch(/limits\.feed_buffer/);
    expect(closed).toEqual(['closed']);
    expect(source.tail.size).toBe(0);
  });

  it('waits for a slow client that keeps up within the buffer', async () => {
    const { source, append } = log(0);
    const reader = client();
    subscribe(source, reader.sink);
    await settle();
    reader.stop();
    append(4);
    await settle();
    reader.read();
    await settle();
    append(1);
    await settle();
    expect(reader.got).toEqual([1, 2, 3, 4, 5]);
    expect(reader.ends).toEqual([]);
  });

  it('ends once the client is signed out', async () => {
    const { source, append } = log(1);
    const reader = client();
    let who: string | undefined = 'user';
    subscribe(source, reader.sink, { signedIn: () => who });
    await settle();
    who = undefined;
    append(1);
    await settle();
    expect(reader.got).toEqual([1]);
    expect(reader.ends).toEqual([expect.objectContaining({ code: 'SIGNED_OUT' })]);
  });
});
