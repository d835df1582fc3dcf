import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { UserAnswer } from '@monitor/contracts';
import { ApiError } from './api-error';
import { ApiClient, currentUser } from './client';

const TOKEN_KEY = 'monitor.jwt';

export interface Session {
  user: UserAnswer;
  jwt: string;
  api: ApiClient;
  /** Ends the session here; `notice` is what the sign-in page then says (why it ended). */
  signOut(notice?: string): void;
}

interface SessionState {
  session?: Session;
  /** Whether a stored token is still being checked. */
  checking: boolean;
  /** Why a stored token could not be checked (the gateway unreachable): it is kept. */
  unreachable?: Error;
  /** Why the last session ended, when the UI ended it for a reason the user should read. */
  notice?: string;
  retry(): void;
  signIn(jwt: string): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The login token, kept in this browser until sign-out or until the gateway refuses it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [jwt, setJwt] = useState(() => localStorage.getItem(TOKEN_KEY) ?? undefined);
  const [user, setUser] = useState<UserAnswer>();
  const [checking, setChecking] = useState(Boolean(jwt));
  const [unreachable, setUnreachable] = useState<Error>();
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string>();

  const signOut = useCallback((why?: string) => {
    localStorage.removeItem(TOKEN_KEY);
    setJwt(undefined);
    setUser(undefined);
    setNotice(why);
  }, []);

  const signIn = useCallback(async (token: string) => {
    const who = await currentUser(token);
    localStorage.setItem(TOKEN_KEY, token);
    setJwt(token);
    setUser(who);
    setNotice(undefined);
  }, []);

  useEffect(() => {
    if (!jwt || user) return;
    currentUser(jwt)
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

  const api = useMemo(
    () =>
      new ApiClient(
        () => jwt,
        () => signOut(),
      ),
    [jwt, signOut],
  );
  const session = jwt && user ? { user, jwt, api, signOut } : undefined;
  return (
    <SessionContext.Provider value={{ session, checking, unreachable, notice, retry, signIn }}>
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
