import { firstSignal } from './first-signal';

describe('the first of several signals', () => {
  it('fires with the reason of the first to fire', () => {
    const [a, b] = [new AbortController(), new AbortController()];
    const { signal } = firstSignal(a.signal, b.signal);
    expect(signal.aborted).toBe(false);
    b.abort('b stopped');
    a.abort('a stopped');
    expect([signal.aborted, signal.reason]).toEqual([true, 'b stopped']);
  });

  it('has fired already when one of them had', () => {
    const a = new AbortController();
    a.abort('before');
    expect(firstSignal(a.signal, new AbortController().signal).signal.reason).toBe('before');
  });

  it('no longer follows them once unlinked', () => {
    const a = new AbortController();
    const { signal, unlink } = firstSignal(a.signal);
    unlink();
    a.abort();
    expect(signal.aborted).toBe(false);
  });
});
