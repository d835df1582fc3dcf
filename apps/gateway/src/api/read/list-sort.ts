import type { ListSortBy } from '@monitor/contracts';

/**
 * Komodo's `sort_by` values of `List<Kind>s` (the `<Kind>SortBy` enums), each with the list item
 * field it orders by: `name`, or a field of the item's `info`. A Deployment's or Stack's host is
 * its server's name, as Komodo sorts (Monitor has no swarms). Monitor's server items carry no
 * stats: `Cpu`, `Memory`, `Disk`, `LoadAverage` and `Network` leave them by name.
 */
const SORT_FIELDS: Record<ListSortBy, string | undefined> = {
  Name: 'name',
  State: 'state',
  Region: 'region',
  Image: 'image',
  Host: 'server_name',
  Server: 'server_name',
  Source: 'repo',
  Repo: 'repo',
  Branch: 'branch',
  Type: 'endpoint_type',
  Enabled: 'enabled',
  Provider: 'builder_type',
  InstanceType: 'instance_type',
  NextRun: 'next_scheduled_run',
  Version: 'version',
  Cpu: undefined,
  Memory: undefined,
  Disk: undefined,
  LoadAverage: undefined,
  Network: undefined,
};

interface ListItem {
  name: string;
  info: Record<string, unknown>;
}

/**
 * Items ordered as Komodo's list requests ask (name when no `sort_by`), name breaking ties;
 * `sort_desc` reverses. An item without the field sorts first, as an empty value.
 */
export function sortListItems<T extends ListItem>(
  items: T[],
  sortBy: ListSortBy = 'Name',
  descending = false,
): T[] {
  const field = SORT_FIELDS[sortBy];
  const key = (item: T) =>
    String((field === 'name' ? item.name : field ? item.info[field] : undefined) ?? '');
  const sorted = [...items].sort(
    (a, b) => key(a).localeCompare(key(b)) || a.name.localeCompare(b.name),
  );
  return descending ? sorted.reverse() : sorted;
}
