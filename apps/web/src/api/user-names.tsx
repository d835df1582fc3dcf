import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useSession } from './session';
import { useRequest } from './use-request';

const UserNamesContext = createContext<Map<string, string>>(new Map());

/**
 * Updates and history name users by id. Admins may list every user; anyone else knows only
 * their own name, and other users stay ids.
 */
export function UserNamesProvider({ children }: { children: ReactNode }) {
  const { api, user } = useSession();
  const users = useRequest(
    () => (user.admin ? api.read('ListUsers') : Promise.resolve([user])),
    [api, user],
  );
  const names = useMemo(() => {
    const map = new Map((users.data ?? []).map((u) => [u._id.$oid, u.username]));
    map.set(user._id.$oid, user.username);
    return map;
  }, [users.data, user]);
  return <UserNamesContext.Provider value={names}>{children}</UserNamesContext.Provider>;
}

/** A user's name when it is known, else the id as the gateway recorded it. */
export function useUserName(): (id: string) => string {
  const names = useContext(UserNamesContext);
  return (id) => names.get(id) ?? id;
}
