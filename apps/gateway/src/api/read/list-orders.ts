import type { ListResourcesDto } from '@monitor/contracts';
import type { Resource, ResourceKind } from '@monitor/domain';
import type { ListItems } from './list-items';
import { sortListItems } from './list-sort';

type SortBy = NonNullable<ListResourcesDto['sort_by']>;

interface Order {
  /** The kind's resources it was sorted from (the read model's list, shared until it changes). */
  from: readonly Resource[];
  version: number;
  sorted: readonly Resource[];
}

/**
 * Each kind's resources in the order a `sort_by` asks, ascending (`sort_desc` reads it
 * backwards, as Komodo reverses the whole comparison), sorted once and kept while neither the
 * kind's resources nor their items change: a sorted page then costs a filter, not a sort.
 * `NextRun` moves with the clock: sorted on every read.
 */
export class ListOrders {
  private readonly orders = new Map<string, Order>();

  constructor(private readonly items: ListItems) {}

  sorted(kind: ResourceKind, sortBy: SortBy, from: readonly Resource[]): readonly Resource[] {
    if (sortBy === 'NextRun') return this.sort(from, sortBy);
    const key = `${kind}/${sortBy}`;
    const version = this.items.version(kind);
    const kept = this.orders.get(key);
    if (kept?.from === from && kept.version === version) return kept.sorted;
    const sorted = this.sort(from, sortBy);
    this.orders.set(key, { from, version, sorted });
    return sorted;
  }

  private sort(from: readonly Resource[], sortBy: SortBy): Resource[] {
    const withItems = from.map((resource) => ({ ...this.items.item(resource), resource }));
    return sortListItems(withItems, sortBy).map(({ resource }) => resource);
  }
}
