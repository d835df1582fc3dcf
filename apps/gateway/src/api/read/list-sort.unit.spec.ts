import { sortListItems } from './list-sort';

const item = (name: string, info: Record<string, unknown> = {}) => ({ name, info });
const names = (items: { name: string }[]) => items.map((i) => i.name);

describe("sortListItems: Komodo's sort_by and sort_desc", () => {
  const items = [
    item('web', { state: 'Exited', server_id: 's1' }),
    item('api', { state: 'Running', server_id: 's2' }),
    item('db', { state: 'Running', server_id: 's1' }),
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

  it('puts items without the field first', () => {
    const mixed = [item('b', { region: 'eu' }), item('a')];
    expect(names(sortListItems(mixed, 'Region'))).toEqual(['a', 'b']);
  });
});
