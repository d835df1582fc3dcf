import { createUpcasting } from './upcasting';

describe('upcasting old event versions on read', () => {
  const upcasting = createUpcasting([
    {
      type: 'Renamed',
      from: 1,
      upcast: (d) => ({ ...(d as object), to: (d as { name: string }).name }),
    },
    { type: 'Renamed', from: 2, upcast: (d) => ({ to: (d as { to: string }).to.trim() }) },
  ]);

  it('writes each type at its current version', () => {
    expect(upcasting.version('Renamed')).toBe(3);
    expect(upcasting.version('Untouched')).toBe(1);
  });

  it('brings a version 1 event through every step, and leaves current ones alone', () => {
    const v1 = { type: 'Renamed', data: { name: ' web ' }, schemaVersion: 1, position: 7 };
    expect(upcasting.upcast(v1)).toEqual({
      type: 'Renamed',
      data: { to: 'web' },
      schemaVersion: 3,
      position: 7,
    });
    const v3 = { type: 'Renamed', data: { to: 'x' }, schemaVersion: 3 };
    expect(upcasting.upcast(v3)).toBe(v3);
    const other = { type: 'Untouched', data: {}, schemaVersion: 1 };
    expect(upcasting.upcast(other)).toBe(other);
  });

  it('refuses two upcasters of one type from one version', () => {
    const step = { type: 'X', from: 1, upcast: (d: unknown) => d };
    expect(() => createUpcasting([step, step])).toThrow('two upcasters of X from version 1');
  });
});
