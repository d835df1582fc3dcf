import { useMemo } from 'react';
import { useSession } from './session';
import { useRequest } from './use-request';

/** Every tag, by id and its name by id: resources hold tag ids, people read names. */
export function useTags() {
  const { api } = useSession();
  const tags = useRequest(() => api.read('ListTags'), [api]);
  const byId = useMemo(() => new Map((tags.data ?? []).map((t) => [t._id.$oid, t])), [tags.data]);
  const names = useMemo(() => new Map([...byId].map(([id, t]) => [id, t.name])), [byId]);
  return { ...tags, byId, names };
}
