import type { ResourceKind } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { kindSpec } from '../kinds';
import type { Options } from '../config/reference-inputs';

/** The resources of each kind a procedure's executions may name, as the user may read them. */
export function useKindOptions(
  kinds: readonly ResourceKind[],
): Partial<Record<ResourceKind, Options>> {
  const { api } = useSession();
  const key = [...new Set(kinds)].sort().join(',');
  const lists = useRequest(async () => {
    const listed = await Promise.all(
      key
        .split(',')
        .filter(Boolean)
        .map(async (kind) => {
          const items = await api.read(kindSpec(kind as ResourceKind).requests.list);
          return [kind, items.map(({ id, name }) => ({ id, name }))] as const;
        }),
    );
    return Object.fromEntries(listed) as Partial<Record<ResourceKind, Options>>;
  }, [api, key]);
  return lists.data ?? {};
}
