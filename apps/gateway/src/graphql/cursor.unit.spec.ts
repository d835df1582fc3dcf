import { GraphQLError } from 'graphql';
import { decodeCursor, decodeOffset, encodeCursor } from './cursor';

describe('cursors', () => {
  it('give back the key they were made of, whatever its characters', () => {
    for (const key of ['web', 'a:b/c', 'ünïcode ✓', '']) {
      expect(decodeCursor('resources/Stack', encodeCursor('resources/Stack', key))).toBe(key);
    }
    expect(decodeOffset('updates', encodeCursor('updates', '42'))).toBe(42);
  });

  it('are opaque: no plain name in them', () => {
    expect(encodeCursor('resources/Stack', 'web')).not.toContain('web');
  });

  it("refuse another list's cursor or garbage, naming `after`", () => {
    const other = encodeCursor('resources/Server', 'srv');
    expect(() => decodeCursor('resources/Stack', other)).toThrow(GraphQLError);
    expect(() => decodeCursor('resources/Stack', 'nonsense')).toThrow(/after:/);
    expect(() => decodeOffset('updates', encodeCursor('updates', '-1'))).toThrow(/after:/);
    expect(() => decodeOffset('updates', encodeCursor('updates', 'x'))).toThrow(/after:/);
  });
});
