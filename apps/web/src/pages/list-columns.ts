import type { ResourceKind } from '@monitor/contracts';
import type { KindListItem } from '../kinds';
import type { SortKey } from './list-query';

/** A column a kind's list shows beside name and state, sorted by the gateway like them. */
export interface ListColumn {
  key: Exclude<SortKey, 'name' | 'state'>;
  /** The text of a cell, from the list item's `info`. */
  text(item: KindListItem): string;
  /** Where the cell links, if it names another resource. */
  link?(item: KindListItem): { kind: ResourceKind; id: string } | undefined;
}

const info = (item: KindListItem, field: string): string => {
  const value = (item.info as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
};

/** A deployment's host and image: what tells ten thousand of them apart. */
export const LIST_COLUMNS: Partial<Record<ResourceKind, ListColumn[]>> = {
  Deployment: [
    {
      key: 'server',
      text: (item) => info(item, 'server_name'),
      link: (item) => {
        const id = info(item, 'server_id');
        return id ? { kind: 'Server', id } : undefined;
      },
    },
    { key: 'image', text: (item) => info(item, 'image') },
  ],
};
