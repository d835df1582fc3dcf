import { kindSpec } from '../kinds';
import type { ResourceKind, UpdateListItem } from './types';
import { useSession } from './session';
import { useRequest } from './use-request';

/**
 * Names by id of the resources some Updates are about, each read with `Get<Kind>`: a few small
 * reads instead of every kind's whole list. Read again when the set of targets changes.
 */
export function useTargetNames(updates: UpdateListItem[] | undefined): Map<string, string> {
  const { api } = useSession();
  const targets = [
    ...new Map(
      (updates ?? [])
        .filter((u) => u.target.type !== 'System')
        .map((u) => [u.target.id, u.target] as const),
    ).values(),
  ];
  const key = targets
    .map((t) => `${t.type}:${t.id}`)
    .sort()
    .join(',');
  const names = useRequest(async () => {
    const found = await Promise.all(
      targets.map(async (t) => {
        const spec = kindSpec(t.type as ResourceKind);
        // A deleted target has no name any more: its Update shows it by id.
        const resource = await api
          .read<{ name: string }>(`Get${spec.kind}`, { [spec.param]: t.id })
          .catch(() => undefined);
        return [t.id, resource?.name] as const;
      }),
    );
    return new Map(found.filter((f): f is [string, string] => f[1] !== undefined));
  }, [api, key]);
  return names.data ?? new Map();
}
