import {
  appendBatch,
  appendTail,
  boundOutput,
  emptyTail,
  renderTail,
  splitLines,
} from './stage-output';

const caps = { lines: 100, bytes: 2_000, lineLength: 50 };
const numbered = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `line ${from + i}`);

describe('a stage output tail', () => {
  it('keeps everything within the caps, as it was', () => {
    const tail = appendTail(appendTail(emptyTail(), ['a', 'b'], caps), ['c'], caps);
    expect(renderTail(tail)).toBe('a\nb\nc\n');
    expect(boundOutput('a\nb\nc', caps)).toBe('a\nb\nc');
  });

  it('keeps the last lines of 100k within the line cap, saying how many went', () => {
    let tail = emptyTail();
    // In batches of 100 lines, as the execution context sends them.
    for (let from = 0; from < 100_000; from += 100)
      tail = appendTail(tail, numbered(from, 100), caps);
    expect(tail.lines).toEqual(numbered(99_900, 100));
    expect(tail.droppedLines).toBe(99_900);
    const text = renderTail(tail);
    expect(text.split('\n')[0]).toMatch(/99900 earlier lines \(\d+ bytes\) dropped/);
    expect(text.endsWith('line 99999\n')).toBe(true);
  });

  it('keeps the tail within the byte cap', () => {
    const long = 'x'.repeat(40);
    const tail = appendTail(emptyTail(), Array(100).fill(long), caps);
    expect(tail.bytes).toBeLessThanOrEqual(caps.bytes);
    expect(tail.lines).toHaveLength(Math.floor(caps.bytes / 41));
    expect(tail.droppedLines + tail.lines.length).toBe(100);
    expect(tail.droppedBytes + tail.bytes).toBe(100 * 41);
  });

  it('cuts a line longer than the bound', () => {
    const [line] = appendTail(emptyTail(), ['y'.repeat(500)], caps).lines;
    expect(line).toBe(`${'y'.repeat(50)} [… line cut]`);
  });

  it('bounds a whole text as the streamed batches of it', () => {
    const text = numbered(0, 1_000).join('\n') + '\n';
    let streamed = emptyTail();
    for (let from = 0; from < 1_000; from += 7) {
      streamed = appendTail(streamed, numbered(from, Math.min(7, 1_000 - from)), caps);
    }
    expect(boundOutput(text, caps)).toBe(renderTail(streamed));
    expect(splitLines(boundOutput(text, caps))).toHaveLength(101);
  });

  it('counts what was shown as dropped when a batch lost its head: no gap inside the text', () => {
    const shown = appendTail(emptyTail(), numbered(0, 10), caps);
    // Lines 10 to 989 were dropped on the way; the batch holds the last 10.
    const tail = appendBatch(shown, numbered(990, 10), { lines: 980, bytes: 980 * 9 }, caps);
    expect(tail.lines).toEqual(numbered(990, 10));
    expect(tail.droppedLines).toBe(990);
    expect(renderTail(tail).split('\n')[0]).toMatch(/^\[… 990 earlier lines/);
    expect(appendBatch(shown, ['next'], undefined, caps).lines).toEqual([
      ...numbered(0, 10),
      'next',
    ]);
  });
});
