import type { ResourceKind } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { kindSpec } from '../kinds';

/** Config fields that name another resource; the gateway stores its id, the form shows names. */
const REFERENCES: Record<string, ResourceKind> = {
  server_id: 'Server',
  build_id: 'Build',
  builder_id: 'Builder',
};

export type ReferenceOptions = Record<string, { id: string; name: string }[]>;

/** The resources each reference field may name, as the user may read them. */
export function useReferenceOptions(): ReferenceOptions {
  const { api } = useSession();
  const lists = useRequest(async () => {
    const entries = await Promise.all(
      Object.entries(REFERENCES).map(async ([field, kind]) => {
        const items = await api.read(kindSpec(kind).requests.list);
        return [field, items.map(({ id, name }) => ({ id, name }))] as const;
      }),
    );
    return Object.fromEntries(entries);
  }, [api]);
  return lists.data ?? {};
}
