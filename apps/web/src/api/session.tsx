import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ApiError } from './api-error';
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
  /** Why a stored token could not be checked (the gateway unreachable): it is kept. */
  unreachable?: Error;
  retry(): void;
  signIn(jwt: string): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The login token, kept in this browser until sign-out or until the gateway refuses it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [jwt, setJwt] = useState(() => localStorage.getItem(TOKEN_KEY) ?? undefined);
  const [user, setUser] = useState<User>();
  const [checking, setChecking] = useState(Boolean(jwt));
  const [unreachable, setUnreachable] = useState<Error>();
  const [attempt, setAttempt] = useState(0);

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
      .catch((error: Error) =>
        // Only the gateway's refusal ends the session; a network failure does not.
        error instanceof ApiError && error.status === 401 ? signOut() : setUnreachable(error),
      )
      .finally(() => setChecking(false));
  }, [jwt, user, signOut, attempt]);

  const retry = useCallback(() => {
    setUnreachable(undefined);
    setChecking(true);
    setAttempt((a) => a + 1);
  }, []);

  const api = useMemo(() => new ApiClient(() => jwt, signOut), [jwt, signOut]);
  const session = jwt && user ? { user, jwt, api, signOut } : undefined;
  return (
    <SessionContext.Provider value={{ session, checking, unreachable, retry, signIn }}>
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
