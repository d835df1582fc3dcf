import { useCallback, useEffect, useRef, useState } from 'react';

export interface RequestState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/**
 * Reads once per change of `deps`, keeping the last answer on screen while the next one comes,
 * so live refreshes do not flicker. An answer that arrives after a newer read started is dropped.
 */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[]): RequestState<T> {
  const [nonce, setNonce] = useState(0);
  const request = `${useChangeCount(deps)}.${nonce}`;
  const [answer, setAnswer] = useState<{ data?: T; error?: Error; request?: string }>({});
  const latestLoad = useRef(load);
  const latestRequest = useRef(request);
  useEffect(() => {
    latestLoad.current = load;
    latestRequest.current = request;
  });

  useEffect(() => {
    latestLoad.current().then(
      (data) => latestRequest.current === request && setAnswer({ data, request }),
      (error: Error) =>
        latestRequest.current === request && setAnswer((a) => ({ ...a, error, request })),
    );
  }, [request]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data: answer.data, error: answer.error, loading: answer.request !== request, reload };
}

/**
 * How many times `deps` changed (each compared with `Object.is`, as React compares an effect's
 * dependencies): counted while rendering, so the read starts in this render's effects.
 */
function useChangeCount(deps: unknown[]): number {
  const [seen, setSeen] = useState({ deps, count: 0 });
  const changed =
    deps.length !== seen.deps.length || deps.some((d, i) => !Object.is(d, seen.deps[i]));
  if (changed) setSeen({ deps, count: seen.count + 1 });
  return changed ? seen.count + 1 : seen.count;
}
