import type { ResourceKind, UpdateListItem } from '@monitor/contracts';
import { ApiError } from './api-error';
import { kindSpec } from '../kinds';
import { useSession } from './session';
import { useRequest } from './use-request';

/**
 * Names by id of the resources some Updates are about, each read with `Get<Kind>`: a few small
 * reads instead of every kind's whole list. Read again when the set of targets changes.
 */
export function useTargetNames(updates: UpdateListItem[] | undefined): {
  names: Map<string, string>;
  error: unknown;
} {
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
        // A deleted target, or one this user may not read, is shown by its id.
        const resource = await api
          .read(spec.requests.get, { [spec.param]: t.id })
          .catch((error: unknown) => {
            if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
              return undefined;
            }
            throw error;
          });
        return [t.id, resource?.name] as const;
      }),
    );
    return new Map(found.filter((f): f is [string, string] => f[1] !== undefined));
  }, [api, key]);
  return { names: names.data ?? new Map(), error: names.error };
}
