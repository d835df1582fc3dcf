import type { ResourceKind, UpdateListItem } from '@monitor/contracts';
import { ApiError } from './api-error';
import { KINDS, kindSpec } from '../kinds';
import { useSession } from './session';
import { useRequest } from './use-request';

/** A resource named by its kind and id (or name), as Updates, alerters and configs store them. */
export type TargetRef = { type: string; id: string };

/**
 * Names by id of the resources some Updates are about, each read with `Get<Kind>`: a few small
 * reads instead of every kind's whole list. Read again when the set of targets changes.
 */
export function useTargetNames(updates: UpdateListItem[] | undefined): {
  names: Map<string, string>;
  error: unknown;
} {
  return useNamesOf((updates ?? []).map((u) => u.target));
}

/**
 * Names by id of the resources shown, one `Get<Kind>` each: bounded by what is on screen, never
 * a kind's whole list. Read again when the set of targets changes. `System` and kinds the UI does
 * not know are skipped; a deleted target, or one the user may not read, has no name.
 */
export function useNamesOf(shown: readonly TargetRef[]): {
  names: Map<string, string>;
  error: unknown;
} {
  const { api } = useSession();
  const targets = [
    ...new Map(
      shown.filter((t) => t.id && isKind(t.type)).map((t) => [`${t.type}:${t.id}`, t] as const),
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

function isKind(type: string): boolean {
  return KINDS.some((k) => k.kind === type);
}
