import type { StoredEvent } from '../../port';
import { RecentRows } from './recent-rows';
import type { EventRow } from './sqlite-rows';

const row = (position: number, data = '{"a":{"b":[1]}}'): EventRow => [
  position,
  `e${position}`,
  's',
  0,
  't',
  data,
  '{}',
  1,
];
const positions = (events: StoredEvent[] | undefined) => events?.map((e) => e.position);

describe('the rows a SQLite store appended last', () => {
  it('answers the events after a position it holds, up to a limit', () => {
    const recent = new RecentRows();
    recent.add([row(5), row(6)]);
    recent.add([row(7)]);
    expect(positions(recent.after(4, 2000))).toEqual([5, 6, 7]);
    expect(positions(recent.after(5, 1))).toEqual([6]);
    expect(positions(recent.after(6, -1))).toEqual([7]);
  });

  it('decodes a row once: every reader is handed the same event, frozen through', () => {
    const recent = new RecentRows();
    recent.add([row(5)]);
    const [first] = recent.after(4, 10)!;
    const [second] = recent.after(4, 10)!;
    expect(second).toBe(first);
    expect(first).toMatchObject({ id: 'e5', data: { a: { b: [1] } } });
    const data = first.data as { a: { b: number[] } };
    expect([first, data, data.a, data.a.b, first.metadata].every(Object.isFrozen)).toBe(true);
    expect(() => data.a.b.push(2)).toThrow(TypeError);
  });

  it('leaves to a query what it does not hold: before its first row, or after its last', () => {
    const recent = new RecentRows();
    expect(recent.after(0, 10)).toBeUndefined();
    recent.add([row(5), row(6)]);
    expect(recent.after(3, 10)).toBeUndefined();
    expect(recent.after(6, 10)).toBeUndefined();
  });

  it('forgets all it held once another writer has left a gap', () => {
    const recent = new RecentRows();
    recent.add([row(5), row(6)]);
    recent.add([row(8)]);
    expect(recent.after(6, 10)).toBeUndefined();
    expect(positions(recent.after(7, 10))).toEqual([8]);
  });

  it('holds a bounded number of rows, the last ones', () => {
    const recent = new RecentRows();
    for (let p = 1; p <= 10_000; p++) recent.add([row(p)]);
    expect(recent.after(1, 10)).toBeUndefined();
    expect(positions(recent.after(9_998, 10))).toEqual([9_999, 10_000]);
  });

  it('holds a bounded number of bytes too: large events do not keep thousands alive', () => {
    const recent = new RecentRows();
    const large = JSON.stringify({ filler: 'f'.repeat(64 * 1024) });
    for (let p = 1; p <= 1_000; p++) recent.add([row(p, large)]);
    // 8 MiB of 64 KiB rows is 127 of them; past a quarter more the oldest are let go.
    expect(recent.after(500, 10)).toBeUndefined();
    expect(positions(recent.after(999, 10))).toEqual([1_000]);
    const held = recent.after(1_000 - 120, -1);
    expect(held).toHaveLength(120);
  });
});
