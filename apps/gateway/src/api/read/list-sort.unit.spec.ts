import { sortListItems } from './list-sort';

const item = (name: string, info: Record<string, unknown> = {}) => ({ name, info });
const names = (items: { name: string }[]) => items.map((i) => i.name);

describe("sortListItems: Komodo's sort_by and sort_desc", () => {
  const items = [
    item('web', { state: 'Exited', server_name: 's1' }),
    item('api', { state: 'Running', server_name: 's2' }),
    item('db', { state: 'Running', server_name: 's1' }),
  ];

  it('orders by name by default, and backwards with sort_desc', () => {
    expect(names(sortListItems(items))).toEqual(['api', 'db', 'web']);
    expect(names(sortListItems(items, undefined, true))).toEqual(['web', 'db', 'api']);
  });

  it('orders by a field of info, name breaking ties', () => {
    expect(names(sortListItems(items, 'State'))).toEqual(['web', 'api', 'db']);
    expect(names(sortListItems(items, 'Host'))).toEqual(['db', 'web', 'api']);
    expect(names(sortListItems(items, 'State', true))).toEqual(['db', 'api', 'web']);
  });

  it("Komodo 2.3's server sorts by stats leave Monitor's items (no stats) by name", () => {
    expect(names(sortListItems(items, 'Cpu'))).toEqual(['api', 'db', 'web']);
    expect(names(sortListItems(items, 'Network', true))).toEqual(['web', 'db', 'api']);
  });

  it('puts items without the field first', () => {
    const mixed = [item('b', { region: 'eu' }), item('a')];
    expect(names(sortListItems(mixed, 'Region'))).toEqual(['a', 'b']);
  });
});
