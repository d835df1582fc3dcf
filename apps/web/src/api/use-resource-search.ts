import type { ListResourcesDto, ResourceKind } from '@monitor/contracts';
import { kindSpec } from '../kinds';
import { useSession } from './session';
import { useDebounced } from './use-debounced';
import { useRequest } from './use-request';
import { termsOf } from '../pages/list-query';

/** Resources a picker offers at once: the user narrows them by typing, never 10,000 in a select. */
export const PICKER_LIMIT = 20;

export type Option = { id: string; name: string };

/**
 * The first resources of a kind by name whose names hold every word typed, searched by the
 * gateway (`List<Kinds> { query: { terms }, limit }`) once the typing pauses. No kind: nothing
 * read (a read-only picker needs only its own value's name).
 */
export function useResourceSearch(
  kind: ResourceKind | undefined,
  search: string,
): { options: Option[]; error?: Error } {
  const { api } = useSession();
  const settled = useDebounced(search);
  const found = useRequest(async () => {
    if (!kind) return [];
    const terms = termsOf(settled);
    const params: ListResourcesDto = {
      query: terms.length ? { terms } : {},
      limit: PICKER_LIMIT,
      sort_by: 'Name',
    };
    const items = await api.read(kindSpec(kind).requests.list, params);
    return items.map(({ id, name }) => ({ id, name }));
  }, [api, kind, settled]);
  return { options: found.data ?? [], error: found.error };
}
