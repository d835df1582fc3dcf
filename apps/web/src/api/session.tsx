import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ApiClient, currentUser } from './client';
import type { User } from './types';

const TOKEN_KEY = 'monitor.jwt';

export interface Session {
  user: User;
  jwt: string;
  api: ApiClient;
  signOut(): void;
}

interface SessionState {
  session?: Session;
  /** Whether a stored token is still being checked. */
  checking: boolean;
  signIn(jwt: string): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The login token, kept in this browser until sign-out or until the gateway refuses it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [jwt, setJwt] = useState(() => localStorage.getItem(TOKEN_KEY) ?? undefined);
  const [user, setUser] = useState<User>();
  const [checking, setChecking] = useState(Boolean(jwt));

  const signOut = useCallback(() => {
    localStorage.removeItem(TOKEN_KEY);
    setJwt(undefined);
    setUser(undefined);
  }, []);

  const signIn = useCallback(async (token: string) => {
    const who = await currentUser<User>(token);
    localStorage.setItem(TOKEN_KEY, token);
    setJwt(token);
    setUser(who);
  }, []);

  useEffect(() => {
    if (!jwt || user) return;
    currentUser<User>(jwt)
      .then(setUser)
      .catch(signOut)
      .finally(() => setChecking(false));
  }, [jwt, user, signOut]);

  const api = useMemo(() => new ApiClient(() => jwt, signOut), [jwt, signOut]);
  const session = jwt && user ? { user, jwt, api, signOut } : undefined;
  return (
    <SessionContext.Provider value={{ session, checking, signIn }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The signed-in session; only pages behind the sign-in gate use it. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession without a signed-in user');
  return session;
}
