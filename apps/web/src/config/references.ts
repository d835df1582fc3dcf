import type { ResourceKind } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { kindSpec } from '../kinds';

/**
 * Config fields that name another resource (or several: a Server builder's `server_ids`); the
 * gateway stores ids, the form shows names.
 */
const REFERENCES: Record<string, ResourceKind> = {
  server_id: 'Server',
  server_ids: 'Server',
  build_id: 'Build',
  builder_id: 'Builder',
  linked_repo: 'Repo',
};

export type ReferenceOptions = Record<string, { id: string; name: string }[]>;

/** The resources each reference field may name, as the user may read them; each kind listed once. */
export function useReferenceOptions(): ReferenceOptions {
  const { api } = useSession();
  const lists = useRequest(async () => {
    const kinds = [...new Set(Object.values(REFERENCES))];
    const listed = await Promise.all(
      kinds.map(async (kind) => {
        const items = await api.read(kindSpec(kind).requests.list);
        return [kind, items.map(({ id, name }) => ({ id, name }))] as const;
      }),
    );
    const byKind = new Map(listed);
    return Object.fromEntries(
      Object.entries(REFERENCES).map(([field, kind]) => [field, byKind.get(kind) ?? []]),
    );
  }, [api]);
  return lists.data ?? {};
}
