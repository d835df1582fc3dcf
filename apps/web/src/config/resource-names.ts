import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { KINDS } from '../kinds';

/** What the user may read of every kind, by `<Kind>/<id>`: names for targets stored as ids. */
export function useResourceNames(): ReadonlyMap<string, string> {
  const { api } = useSession();
  const names = useRequest(async () => {
    const lists = await Promise.all(
      KINDS.map(async (spec) => {
        const items = await api.read(spec.requests.list);
        return items.map((r) => [`${spec.kind}/${r.id}`, r.name] as const);
      }),
    );
    return new Map<string, string>(lists.flat());
  }, [api]);
  return names.data ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
