import { truncate, truncateBytes } from './truncate';

describe('truncate', () => {
  it.each([
    ['short text is left as it is', 'hello', 5, 'hello'],
    ['a cut ends with an ellipsis, within the limit', 'hello world', 6, 'hello…'],
    ['a limit of one leaves the ellipsis alone', 'hello', 1, '…'],
    ['a limit of zero leaves nothing', 'hello', 0, ''],
    ['an emoji at the cut goes whole, never half a surrogate pair', 'ab🚨cd', 4, 'ab…'],
    ['an emoji before the cut stays', 'ab🚨cd', 5, 'ab🚨…'],
  ])('%s', (_case, text, limit, expected) => {
    const out = truncate(text, limit);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(limit);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('cuts 5,000 characters to Discord’s 2,000', () => {
    const out = truncate('x'.repeat(5000), 2000);
    expect(out).toHaveLength(2000);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('truncateBytes', () => {
  it.each([
    ['ascii within the limit', 'hello', 5, 'hello'],
    ['ascii cut, the ellipsis counted as its 3 bytes', 'hello world', 8, 'hello…'],
    ['a 4-byte emoji that does not fit goes whole', 'ab🚨cd', 7, 'ab…'],
    ['multi-byte letters are never split', 'ééééé', 7, 'éé…'],
  ])('%s', (_case, text, limit, expected) => {
    const out = truncateBytes(text, limit);
    expect(out).toBe(expected);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(limit);
  });
});
