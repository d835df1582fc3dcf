import type { FeedSink } from './feed-message';
import { feedIterator } from './feed-iterator';

/** An iterator over a feed the test drives through its sink. */
function driven() {
  let sink!: FeedSink<string>;
  const closed: string[] = [];
  const iterator = feedIterator<string>((s) => {
    sink = s;
    return { close: () => closed.push('closed') };
  });
  return { iterator, sink: () => sink, closed };
}

describe('a feed as an async iterator', () => {
  it('holds one message the consumer has not pulled, and says so to the feed', async () => {
    const { iterator, sink } = driven();
    expect(sink().send({ position: 1, item: 'a' })).toBe(false);
    let drained = false;
    void sink()
      .drained()
      .then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    expect(await iterator.next()).toEqual({ value: { position: 1, item: 'a' }, done: false });
    await Promise.resolve();
    expect(drained).toBe(true);
  });

  it('hands a message straight to a consumer that waits', async () => {
    const { iterator, sink } = driven();
    const next = iterator.next();
    expect(sink().send({ position: 2, item: 'b' })).toBe(true);
    expect(await next).toEqual({ value: { position: 2, item: 'b' }, done: false });
  });

  it('yields the end last, then is done', async () => {
    const { iterator, sink } = driven();
    sink().send({ position: 3, item: 'c' });
    sink().end({ code: 'DROPPED', reason: 'slow', after: 3 });
    expect((await iterator.next()).value).toEqual({ position: 3, item: 'c' });
    expect((await iterator.next()).value).toEqual({
      end: { code: 'DROPPED', reason: 'slow', after: 3 },
    });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('closes the feed when the consumer stops', async () => {
    const { iterator, closed } = driven();
    const waiting = iterator.next();
    await iterator.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(closed).toEqual(['closed']);
  });
});
