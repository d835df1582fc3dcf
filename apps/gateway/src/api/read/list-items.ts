import type { MonitorConfig } from '@monitor/config';
import { scheduleInfo, type Resource, type ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { toListItem } from '../komodo-shapes';
import { listInfos, type ListInfos } from './list-infos';
import { staleAfter } from './list-item-invalidation';

/** Komodo's `<Kind>ListItem`: what `List<Kinds>` answers of one resource. */
export type ListItem = ReturnType<typeof toListItem>;

interface Entry {
  /** The resource it was built from: a newer version of it is never answered stale. */
  resource: Resource;
  item: ListItem;
  /** `JSON.stringify(item)`, built at most once per change. */
  json?: string;
}

/**
 * Every resource's list item kept ready between changes: built on first read, dropped when an
 * event it depends on is applied (staleAfter) or an Update of the resource is recorded (its
 * runs). The read model calls back before any writer waiting for the event reads, so a read
 * after a write never sees the item from before it. Procedures' and Actions'
 * `next_scheduled_run` moves with the clock: it is added to their items on every read.
 * One per read model: ResourceReads holds it (`listItems`) for every reader of list items.
 */
export class ListItems {
  private readonly entries = new Map<ResourceKind, Map<string, Entry>>();
  /** Per kind, how many times its items were dropped: what was derived from them is stale. */
  private readonly changes = new Map<ResourceKind | 'all', number>();
  private readonly infos: ListInfos;
  private readonly unsubscribe: (() => void)[];

  constructor(
    readModel: ReadModel,
    private readonly timezone: MonitorConfig['scheduler']['timezone'],
  ) {
    this.infos = listInfos(readModel);
    this.unsubscribe = [
      readModel.onApplied((event) => this.drop(event.stream)),
      readModel.onUpdate(({ target }) => {
        if (target.type === 'System') return;
        this.entries.get(target.type)?.delete(target.id);
        this.changed(target.type);
      }),
    ];
  }

  /** Stops following the read model. */
  close(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
  }

  /** The resource's list item, as `List<Kinds>` answers it now: shared, never to be changed. */
  item(resource: Resource): ListItem {
    const { item } = this.entry(resource);
    return isScheduled(resource) ? this.withSchedule(resource, item) : item;
  }

  /**
   * A number that changes whenever any item of the kind may have: what is derived from all of
   * them (an order) is kept while it stays the same.
   */
  version(kind: ResourceKind): number {
    return (this.changes.get(kind) ?? 0) + (this.changes.get('all') ?? 0);
  }

  /** `JSON.stringify(item(resource))`, kept with the item. */
  json(resource: Resource): string {
    if (isScheduled(resource)) return JSON.stringify(this.item(resource));
    const entry = this.entry(resource);
    entry.json ??= JSON.stringify(entry.item);
    return entry.json;
  }

  private entry(resource: Resource): Entry {
    let ofKind = this.entries.get(resource.kind);
    if (!ofKind) this.entries.set(resource.kind, (ofKind = new Map()));
    const cached = ofKind.get(resource.id);
    if (cached?.resource === resource) return cached;
    const info = this.infos[resource.kind] as (r: Resource) => Record<string, unknown>;
    const entry: Entry = { resource, item: toListItem(resource, info(resource)) };
    ofKind.set(resource.id, entry);
    return entry;
  }

  private withSchedule(resource: Resource<'Procedure' | 'Action'>, item: ListItem): ListItem {
    const schedule = scheduleInfo(resource.config, this.timezone, Date.now());
    return { ...item, info: { ...item.info, ...schedule } };
  }

  private drop(stream: string): void {
    const stale = staleAfter(stream);
    if (stale === 'everything') {
      this.entries.clear();
      return this.changed('all');
    }
    for (const { kind, id } of stale.items) {
      this.entries.get(kind)?.delete(id);
      this.changed(kind);
    }
    for (const kind of stale.kinds) {
      this.entries.delete(kind);
      this.changed(kind);
    }
  }

  private changed(kind: ResourceKind | 'all'): void {
    this.changes.set(kind, (this.changes.get(kind) ?? 0) + 1);
  }
}

const isScheduled = (resource: Resource): resource is Resource<'Procedure' | 'Action'> =>
  resource.kind === 'Procedure' || resource.kind === 'Action';
