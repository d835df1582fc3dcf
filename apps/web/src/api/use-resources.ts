import { KINDS } from '../kinds';
import type { ResourceKind, ResourceListItem } from './types';
import { useSession } from './session';
import { useRequest } from './use-request';

export type ResourcesByKind = Partial<Record<ResourceKind, ResourceListItem[]>>;

/** Every kind's list, read again whenever `version` changes. */
export function useAllResources(version: number) {
  const { api } = useSession();
  return useRequest(async () => {
    const lists = await Promise.all(
      KINDS.map((k) => api.read<ResourceListItem[]>(`List${k.plural}`)),
    );
    return Object.fromEntries(KINDS.map((k, i) => [k.kind, lists[i]])) as ResourcesByKind;
  }, [api, version]);
}

/** Names by id, to show Update targets by name. */
export function namesOf(resources: ResourcesByKind | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const items of Object.values(resources ?? {}))
    for (const r of items) names.set(r.id, r.name);
  return names;
}
